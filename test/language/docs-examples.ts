// The ```clv blocks of docs/*.md, for the tests that check them (language) and run them (kernel).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './golden';

export const docsDir = join(repoRoot, 'docs');

/** The documentation pages, file names only. */
export const pages = readdirSync(docsDir).filter((f) => f.endsWith('.md'));

export interface Example {
  /**
   * The fence's info string after `clv`: '' for a valid example, 'error' for one with announced
   * errors, 'server' for one that needs a database server, 'later' for a later notebook's cell.
   */
  info: string;
  text: string;
  /** 1-based line of the block's first line in the page. */
  line: number;
}

export function examples(markdown: string): Example[] {
  const result: Example[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```clv(?:\s+(.*))?$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 1;
    while (i + 1 < lines.length && !/^```\s*$/.test(lines[i + 1])) i++;
    result.push({ info: (open[1] ?? '').trim(), text: lines.slice(start, i + 1).join('\n'), line: start + 1 });
    i++;
  }
  return result;
}
