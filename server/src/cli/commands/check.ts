// `clvnb check NOTEBOOK...`: the editor's diagnostics without the editor, for CI and
// pre-commit hooks. Exit 1 when any notebook has an error (warnings alone pass).
import type { Command } from '../command';
import { checkNotebook } from '../diagnostics';
import { EXIT, InputError } from '../errors';
import { loadNotebook } from '../notebook-io';
import { print, printError } from '../terminal';

export const checkCommand: Command = {
  spec: {
    name: 'check',
    summary: 'Check notebooks for errors without running them.',
    positionals: 'NOTEBOOK...',
    minPositionals: 1,
    maxPositionals: Infinity,
    options: {},
    details: `
Parses and checks every clv cell of each notebook, together, with the editor's checks:
names, types and options, and each data file (it must be readable; mapped columns must
be in its header; dates must match the declared format).
Prints one line per problem, "file:line:col: severity: message", with line and column
in the notebook file.

Exit code: 0 when no notebook has an error (warnings allowed), 1 otherwise.`,
  },
  async run(args) {
    let errors = 0;
    let warnings = 0;
    for (const path of args.positionals) {
      try {
        const notebook = await loadNotebook(path);
        for (const d of checkNotebook(notebook)) {
          print(d.text + '\n');
          if (d.severity === 'error') errors++;
          else if (d.severity === 'warning') warnings++;
        }
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        print(`${error.file ?? 'clvnb'}: error: ${error.message}\n`);
        errors++;
      }
    }
    const files = args.positionals.length === 1 ? '1 notebook' : `${args.positionals.length} notebooks`;
    printError(
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files}\n`,
    );
    return errors ? EXIT.failed : EXIT.ok;
  },
};
