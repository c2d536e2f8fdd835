// What every subcommand module exports: its declaration (options, help) and its action,
// which resolves with the process exit code.
import type { CommandSpec, ParsedArgs } from './args';

export interface Command {
  spec: CommandSpec;
  run(args: ParsedArgs): Promise<number>;
}
