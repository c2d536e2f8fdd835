// Fixed-width plain-text tables for terminal output: by default the first column
// left-aligned (labels) and the others right-aligned (figures); a table of words passes
// `textOnly` to left-align every column.

export function textTable(header: string[], rows: string[][], indent = '', textOnly = false): string {
  const all = [header, ...rows];
  const widths = header.map((_, j) => Math.max(...all.map((r) => r[j].length)));
  const cell = (c: string, j: number) => (j === 0 || textOnly ? c.padEnd(widths[j]) : c.padStart(widths[j]));
  const line = (cells: string[]) => (indent + cells.map(cell).join('  ')).trimEnd();
  return all.map(line).join('\n');
}
