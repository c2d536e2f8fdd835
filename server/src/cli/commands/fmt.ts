// `clvnb fmt [--check] NOTEBOOK...`: gives every clv cell the formatter's layout and writes
// the file back through the notebook-file module, so everything outside the clv cells
// (prose, other code blocks, blank lines, line endings) stays byte for byte.
import { formatCell } from '../../language';
import { serializeNotebook } from '../../notebook-file';
import type { Command } from '../command';
import { EXIT, InputError } from '../errors';
import { isClvCell, loadNotebook } from '../notebook-io';
import { writeOutputFile } from '../output-file';
import { print, printError } from '../terminal';

/** The formatted file text, or undefined when the file is already formatted. */
async function formatted(path: string): Promise<string | undefined> {
  const notebook = await loadNotebook(path);
  const cells = notebook.file.cells.map((cell) =>
    isClvCell(cell) ? { ...cell, source: formatCell(cell.source) } : cell,
  );
  const text = serializeNotebook({ ...notebook.file, cells });
  return text === notebook.text ? undefined : text;
}

export const fmtCommand: Command = {
  spec: {
    name: 'fmt',
    summary: 'Format the clv cells of notebooks in place.',
    positionals: 'NOTEBOOK...',
    minPositionals: 1,
    maxPositionals: Infinity,
    options: {
      check: { type: 'boolean', description: 'list files that would change and exit 1 if any; write nothing' },
    },
    details: `
Formats every clv cell with the language's formatter (the editor's "Format Document")
and rewrites the file; Markdown and other content are kept byte for byte. Cells with
syntax errors are left as they are. Prints the name of each file changed.

Exit code: 0 on success; with --check, 1 when any file would change. 1 when a file
cannot be read or written.`,
  },
  async run(args) {
    const check = args.values.check === true;
    let changed = 0;
    let unreadable = 0;
    for (const path of args.positionals) {
      try {
        const text = await formatted(path);
        if (text === undefined) continue;
        changed++;
        if (!check) await writeOutputFile(path, text);
        print(path + '\n');
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        printError(`clvnb: ${error.located}\n`);
        unreadable++;
      }
    }
    if (check && changed) printError(`${changed} of ${args.positionals.length} notebooks would be reformatted\n`);
    return unreadable || (check && changed) ? EXIT.failed : EXIT.ok;
  },
};
