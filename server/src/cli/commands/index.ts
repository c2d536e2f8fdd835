// Every `clvnb` subcommand, in the order `clvnb --help` lists them. Imported lazily by the
// entry point, so that `clvnb --version` loads none of them.
import type { Command } from '../command';
import { checkCommand } from './check';
import { columnsCommand } from './columns';
import { diffCommand } from './diff';
import { fmtCommand } from './fmt';
import { newCommand } from './new';
import { runCommand } from './run';

export const COMMANDS: Command[] = [runCommand, checkCommand, fmtCommand, diffCommand, newCommand, columnsCommand];
