// An indented, stable text dump of a syntax tree: the format of the parser's golden files,
// and (without ranges) how the formatter's tests compare meaning before and after.
import type { Statement } from './ast';

export interface PrintOptions {
  /** Print `@start..end` after each node (default true). */
  ranges?: boolean;
}

export function printTree(statements: Statement[], options: PrintOptions = {}): string {
  const withRanges = options.ranges ?? true;
  const lines: string[] = [];
  const visit = (value: unknown, label: string, depth: number): void => {
    const indent = '  '.repeat(depth);
    if (value === null || value === undefined) {
      lines.push(`${indent}${label}: -`);
    } else if (Array.isArray(value)) {
      if (value.length === 0) lines.push(`${indent}${label}: []`);
      else {
        lines.push(`${indent}${label}:`);
        value.forEach((item, i) => visit(item, `[${i}]`, depth + 1));
      }
    } else if (typeof value === 'object' && 'kind' in value) {
      const node = value as Record<string, unknown> & { kind: string; start: number; end: number };
      const scalars: string[] = [];
      const children: [string, unknown][] = [];
      for (const [key, field] of Object.entries(node)) {
        if (key === 'kind' || key === 'start' || key === 'end') continue;
        if (field !== null && typeof field === 'object' && !isRange(field)) children.push([key, field]);
        else if (isRange(field)) scalars.push(withRanges ? `${key}=${field.start}..${field.end}` : `${key}`);
        else if (field !== null) scalars.push(`${key}=${JSON.stringify(field)}`);
        else children.push([key, field]);
      }
      const at = withRanges ? ` @${node.start}..${node.end}` : '';
      lines.push(`${indent}${label}: ${node.kind}${scalars.length ? ' ' + scalars.join(' ') : ''}${at}`);
      for (const [key, field] of children) visit(field, key, depth + 1);
    } else {
      lines.push(`${indent}${label}: ${JSON.stringify(value)}`);
    }
  };
  statements.forEach((s, i) => visit(s, `[${i}]`, 0));
  return lines.join('\n') + (lines.length ? '\n' : '');
}

function isRange(value: unknown): value is { start: number; end: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !('kind' in value) &&
    'start' in value &&
    'end' in value &&
    Object.keys(value).length === 2
  );
}

/**
 * What a statement means, independent of where it is and how it is laid out: equal for two
 * statements exactly when they differ only in positions, spacing and comments. For caching
 * results by content (every range-valued field, such as `openBrace`, is reduced to "present").
 */
export function fingerprint(statement: Statement): string {
  return printTree([statement], { ranges: false });
}
