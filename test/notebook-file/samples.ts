// The sample notebooks shipped in samples/, as regression inputs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');

export function sampleNotebooks(): { name: string; text: string }[] {
  const samples = join(repoRoot, 'samples');
  return readdirSync(samples, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) =>
      readdirSync(join(samples, folder.name))
        .filter((n) => n.endsWith('.clvnb'))
        .map((name) => ({ name, text: readFileSync(join(samples, folder.name, name), 'utf8') })),
    );
}
