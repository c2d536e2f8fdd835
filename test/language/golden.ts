// Golden-file helpers: the fixtures under test/fixtures/language/ are inputs with their
// expected outputs beside them. `UPDATE_GOLDEN=1` rewrites the expectations instead of
// comparing, so a new case is just a new input file.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkProgram,
  LineIndex,
  type CellInput,
  type ColumnInfo,
  type Diagnostic,
} from '../../server/src/language/index';

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'language');
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function fixtures(kind: 'parse' | 'check' | 'format'): { name: string; path: string; text: string }[] {
  const dir = join(fixturesDir, kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.clv'))
    .sort()
    .map((f) => ({ name: f, path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

/** Compares `actual` with the expectation file, or writes it when UPDATE_GOLDEN=1. */
export function assertGolden(expectedPath: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(expectedPath)) {
    if (process.env.UPDATE_GOLDEN !== '1')
      throw new Error(`missing ${expectedPath}; run with UPDATE_GOLDEN=1 to create it`);
    writeFileSync(expectedPath, actual);
    return;
  }
  assert.equal(actual, readFileSync(expectedPath, 'utf8'));
}

/** `line:col-line:col severity code: message`, 1-based, lines counted in the whole file. */
export function formatDiagnostic(d: Diagnostic, lines: LineIndex, lineOffset = 0): string {
  const a = lines.positionAt(d.range.start);
  const b = lines.positionAt(d.range.end);
  return `${a.line + 1 + lineOffset}:${a.character + 1}-${b.line + 1 + lineOffset}:${b.character + 1} ${d.severity} ${d.code}: ${d.message}`;
}

/** The line that separates cells in a multi-cell check fixture. */
export const CELL_SEPARATOR = /^# %%.*$/m;

export interface CheckFixture {
  cells: (CellInput & { firstLine: number })[];
  /** From `# schema NAME: col, col` lines: the columns of source NAME's file. */
  schema: Map<string, ColumnInfo[]>;
}

/**
 * Splits a check fixture into cells at lines starting with `# %%`, remembering where each
 * cell starts so diagnostics are reported with the file's line numbers.
 */
export function splitCells(text: string): CheckFixture {
  const lines = text.split('\n');
  const cells: CheckFixture['cells'] = [];
  let current: string[] = [];
  let firstLine = 0;
  lines.forEach((line, i) => {
    if (/^# %%/.test(line)) {
      cells.push({ id: `cell${cells.length + 1}`, text: current.join('\n'), firstLine });
      current = [];
      firstLine = i + 1;
    } else current.push(line);
  });
  cells.push({ id: `cell${cells.length + 1}`, text: current.join('\n'), firstLine });
  const schema = new Map<string, ColumnInfo[]>();
  for (const m of text.matchAll(/^# schema (\w+): (.*)$/gm))
    schema.set(
      m[1],
      m[2].split(',').map((c) => ({ name: c.trim() })),
    );
  return { cells, schema };
}

/** Checks a fixture and renders its diagnostics in file order, one per line. */
export function checkFixture(text: string): string {
  const { cells, schema } = splitCells(text);
  const program = checkProgram(cells, { schema: (s) => (s.name ? schema.get(s.name.name) : undefined) });
  return program.cells
    .flatMap((cell, i) => cell.diagnostics.map((d) => formatDiagnostic(d, cell.lines, cells[i].firstLine)))
    .join('\n')
    .concat(program.diagnostics.length ? '\n' : '');
}
