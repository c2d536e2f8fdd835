// Language server benchmarks, measured as a client sees them: through the real server
// process over stdio (dist/server/main.mjs, built first).
//   start → initialize answered;
//   one-character edit in a 200-cell notebook → that cell's diagnostics published,
//     with no debounce, and with the default 50 ms debounce (also shown minus it);
//   completion in the same notebook.
// Each target is declared once, where its figure is reported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildOnce, fixtures, notebookUriIn, TestClient } from '../test/lsp/harness';
import { median, percentile, report, type Target } from './measure';

const CELLS = 200;
const RUNS = 40;

/** One cell of the generated notebook: a whole analysis whose names carry the cell's number. */
const template = readFileSync(join(fixtures, 'cohort-cell.clv'), 'utf8').trimEnd();
const cell = (i: number) => template.replaceAll('{i}', String(i));

function timing(name: string, samples: number[], ...targets: Target[]) {
  return report({ name, medianMs: median(samples), p95Ms: percentile(samples, 95), runs: samples.length }, ...targets);
}

async function startup(): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    const client = await TestClient.start();
    samples.push(performance.now() - start);
    await client.stop();
  }
  timing('server start → initialize answered', samples.slice(2), { below: 300 });
}

/** Milliseconds from sending a one-character edit to the edited cell's diagnostics arriving. */
async function editToDiagnostics(delay: number | undefined): Promise<number[]> {
  const client = await TestClient.start(delay === undefined ? {} : { diagnosticsDelay: delay });
  const nb = notebookUriIn(fixtures, 'bench.clvnb');
  const uris = await client.openNotebook(
    nb,
    Array.from({ length: CELLS }, (_, i) => cell(i)),
  );
  await client.published(uris);
  const target = uris[CELLS / 2];
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    // Alternately type and delete a digit in a rule's threshold (100 → 1000 → 100).
    const position = { line: 16, character: 29 };
    const change =
      i % 2 === 0
        ? { range: { start: position, end: position }, text: '0' }
        : { range: { start: position, end: { line: 16, character: 30 } }, text: '' };
    const published = client.published([target]);
    const start = performance.now();
    await client.editCell(nb, target, [change]);
    await published;
    if (i >= 3) samples.push(performance.now() - start);
    await client.quiet(5);
  }
  await client.stop();
  return samples;
}

async function completion(): Promise<void> {
  const client = await TestClient.start();
  const nb = notebookUriIn(fixtures, 'bench.clvnb');
  const uris = await client.openNotebook(
    nb,
    Array.from({ length: CELLS }, (_, i) => cell(i)),
  );
  await client.published(uris);
  const target = uris[CELLS / 2];
  const at = (uri: string, line: number, character: number) =>
    client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  // Measure real answers: the positions must yield the metrics and the columns.
  const sample = (await Promise.all([at(target, 15, 19), at(target, 3, 13)])) as { label: string }[][];
  if (!sample[0].some((i) => i.label === 'p_alive') || !sample[1].some((i) => i.label === 'order_date'))
    throw new Error('completion positions give no metrics / columns');
  const steady: number[] = [];
  const afterEdit: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    let start = performance.now();
    await at(target, 15, 19); // metrics after `when`
    if (i >= 3) steady.push(performance.now() - start);
    // Completion right after a keystroke: the request itself pays for the re-check.
    const position = { line: 16, character: 29 };
    await client.editCell(nb, target, [
      i % 2 === 0
        ? { range: { start: position, end: position }, text: '0' }
        : { range: { start: position, end: { line: 16, character: 30 } }, text: '' },
    ]);
    start = performance.now();
    await at(target, 3, 13); // columns of the data file after `date =`
    if (i >= 3) afterEdit.push(performance.now() - start);
  }
  timing('completion (metrics), 200-cell notebook', steady, { below: 10 }, { below: 30, of: 'p95' });
  timing('completion (columns) right after an edit', afterEdit, { below: 10 }, { below: 30, of: 'p95' });
  await client.stop();
}

buildOnce();
await startup();
const immediate = await editToDiagnostics(0);
timing(`edit → diagnostics, ${CELLS} cells, no debounce`, immediate, { below: 30 });
const debounced = await editToDiagnostics(undefined);
timing(`edit → diagnostics, ${CELLS} cells, 50 ms debounce`, debounced);
timing(
  `  the same minus the 50 ms debounce`,
  debounced.map((ms) => ms - 50),
  { below: 30 },
);
await completion();
