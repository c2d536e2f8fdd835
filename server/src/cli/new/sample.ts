// Where `--from SAMPLE` points: a `.clvnb` file, a folder holding exactly one, or the name
// of a sample shipped in the package's `samples/` folder (found by walking up from this
// bundle to the package root, so it works from dist/ and from the sources alike).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors';

function packageRoot(): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'samples'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function notebookIn(folder: string): string | undefined {
  const notebooks = readdirSync(folder).filter((f) => f.endsWith('.clvnb'));
  return notebooks.length === 1 ? join(folder, notebooks[0]) : undefined;
}

function shippedSamples(root: string | undefined): string[] {
  if (!root) return [];
  const dir = join(root, 'samples');
  return readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory() && notebookIn(join(dir, name)));
}

/** Absolute path of the sample notebook. */
export function resolveSample(from: string): string {
  const asPath = resolve(from);
  if (existsSync(asPath)) {
    if (statSync(asPath).isFile()) return asPath;
    const inside = notebookIn(asPath);
    if (inside) return inside;
    throw new InputError(`no single .clvnb notebook in folder ${from}`);
  }
  const root = packageRoot();
  const shipped = root && join(root, 'samples', from);
  const notebook = shipped && existsSync(shipped) && notebookIn(shipped);
  if (notebook) return notebook;
  const names = shippedSamples(root);
  throw new InputError(
    `unknown sample '${from}'; ${names.length ? `samples: ${names.join(', ')}` : 'no samples are installed'} (or give a path to a .clvnb file)`,
  );
}
