// Fixed-width plain-text tables for terminal output: the first column left-aligned (labels),
// the others right-aligned (figures).

export function textTable(header: string[], rows: string[][], indent = ''): string {
  const all = [header, ...rows];
  const widths = header.map((_, j) => Math.max(...all.map((r) => r[j].length)));
  const line = (cells: string[]) => indent + cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ').trimEnd();
  return all.map(line).join('\n');
}
