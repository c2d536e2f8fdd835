// Argument parsing for every subcommand, on Node's own `util.parseArgs`, plus the help text
// generated from the same declaration so the two never drift apart.
import { parseArgs } from 'node:util';
import { UsageError } from './errors';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder shown in help for a string option, e.g. REPORT. */
  valueName?: string;
  /** A string option that may be given several times (its value is then a list). */
  multiple?: boolean;
  description: string;
}

export interface CommandSpec {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Positional arguments as shown in the synopsis, e.g. `NOTEBOOK...`. */
  positionals: string;
  /** The synopsis after `clvnb NAME`, when `[options] POSITIONALS` does not say enough. */
  synopsis?: string;
  minPositionals: number;
  maxPositionals: number;
  options: Record<string, OptionSpec>;
  /** Paragraphs after the synopsis: what it does, output, exit codes. */
  details: string;
}

export interface ParsedArgs {
  /** `--help` was given: the caller prints help and ignores the rest. */
  help: boolean;
  values: Record<string, string | string[] | boolean | undefined>;
  positionals: string[];
}

export function parseCommandArgs(spec: CommandSpec, argv: string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [
      name,
      { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) },
    ]),
  );
  options.help = { type: 'boolean', short: 'h' };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs' messages name the option but mention internals ("To specify a positional
    // argument..."); keep the first sentence.
    throw new UsageError(String((error as Error).message).split('. ')[0], spec.name);
  }
  const values = parsed.values as ParsedArgs['values'];
  if (values.help) return { help: true, values, positionals: parsed.positionals };
  const count = parsed.positionals.length;
  if (count < spec.minPositionals) throw new UsageError(`missing argument: expected ${spec.positionals}`, spec.name);
  if (count > spec.maxPositionals)
    throw new UsageError(`unexpected argument '${parsed.positionals[spec.maxPositionals]}'`, spec.name);
  return { help: false, values, positionals: parsed.positionals };
}

export function helpText(spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.valueName ?? 'VALUE'}` : ''}${o.multiple ? ' (repeatable)' : ''}`;
    return [flag, o.description] as const;
  });
  rows.push(['-h, --help', 'show this help']);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const options = rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`).join('\n');
  return `Usage: clvnb ${spec.name} ${spec.synopsis ?? `[options] ${spec.positionals}`}\n\n${spec.summary}\n\n${spec.details.trim()}\n\nOptions:\n${options}\n`;
}

/** A string option's value, or undefined when absent. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a string option declared `multiple`, in the order given. */
export function stringOptions(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}
