// `clvnb`: the command line of CLV Notebooks. Dispatches to one subcommand per file in
// commands/, and owns the exit-code contract (docs/cli.md): 0 ok, 1 problems in the input,
// 2 usage error, 3 internal error. Exit codes are set with `process.exitCode` rather than
// `process.exit()` so piped output is flushed before the process ends.
import { version } from '../../../package.json';
import { helpText, parseCommandArgs } from './args';
import type { Command } from './command';
import { EXIT, InputError, UsageError } from './errors';
import { print, printError } from './terminal';

function generalHelp(COMMANDS: Command[]): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length));
  const list = COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}  ${c.spec.summary}`).join('\n');
  return `Usage: clvnb <command> [options]\n\nCommands:\n${list}\n\nRun 'clvnb <command> --help' for a command's options.\n\n  -h, --help     show this help\n  -v, --version  print the version\n\nExit codes: 0 ok, 1 problems found (diagnostics, failed cells, unreadable input), 2 usage error, 3 internal error.\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    print(`clvnb ${version}\n`);
    return EXIT.ok;
  }
  // The commands (and the kernel, language core and Arquero they bring) load only now, so
  // `--version` starts in the time of Node itself.
  const { COMMANDS } = await import('./commands');
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.spec.name === rest[0]) : undefined;
    print(topic ? helpText(topic.spec) : generalHelp(COMMANDS));
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) throw new UsageError(name.startsWith('-') ? `unknown option '${name}'` : `unknown command '${name}'`);
  const args = parseCommandArgs(command.spec, rest);
  if (args.help) {
    print(helpText(command.spec));
    return EXIT.ok;
  }
  return command.run(args);
}

function report(error: unknown): number {
  if (error instanceof UsageError) {
    const hint = error.command ? `clvnb ${error.command} --help` : 'clvnb --help';
    printError(`clvnb: ${error.message}\nRun '${hint}' for usage.\n`);
    return EXIT.usage;
  }
  if (error instanceof InputError) {
    printError(`clvnb: ${error.located}\n`);
    return EXIT.failed;
  }
  printError(`clvnb: internal error: ${(error as Error)?.stack ?? String(error)}\nPlease report this as a bug.\n`);
  return EXIT.internal;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => (process.exitCode = report(error)),
);
