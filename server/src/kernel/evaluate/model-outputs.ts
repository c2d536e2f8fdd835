// What a `model` cell shows: the fitted parameters with standard errors, log-likelihood,
// convergence and fit time, and for a purchase model fitted on a split with a holdout, the
// calibration-vs-holdout check (ModelPayload + text).
import { MIME, WARNING_PREFIX, type ModelPayload, type OutputItem } from '../output-types';
import { frozenSentence } from '../../report/format';

const num = (x: number, digits = 4) => (Number.isFinite(x) ? x.toPrecision(digits) : String(x));

export function modelText(p: ModelPayload): string {
  const width = Math.max(...p.parameters.map((q) => q.name.length));
  const params = p.parameters.map(
    (q) =>
      `  ${q.name.padEnd(width)}  ${num(q.estimate, 5).padStart(10)}  ${q.standardError === null ? '' : `(SE ${num(q.standardError, 3)})`}${q.low != null && q.high != null ? `  ${Math.round((p.intervalLevel ?? 0.9) * 100)}% [${num(q.low, 4)}, ${num(q.high, 4)}]` : ''}`,
  );
  const status = p.converged
    ? `converged in ${p.iterations} iterations`
    : `DID NOT CONVERGE after ${p.iterations} iterations${p.message ? ': ' + p.message : ''}`;
  const frozen = p.frozen?.role === 'read';
  const lines = [
    frozen
      ? `${p.name}: ${p.kind} scoring ${p.customers.toLocaleString('en-US')} customers with frozen parameters`
      : `${p.name}: ${p.kind} fitted on ${p.customers.toLocaleString('en-US')} customers in ${p.fitMs.toFixed(0)} ms, ${status} (gradient norm ${num(p.gradientNorm, 2)})`,
    ...params,
    `  log-likelihood ${p.logLikelihood.toFixed(2)}`,
  ];
  const note = frozenSentence(p);
  if (note) lines.push(`  ${note}`);
  const b = p.bootstrap;
  if (b?.holdoutTotal)
    lines.push(
      `  expected holdout purchases ${b.holdoutTotal.expected.toFixed(1)}, ${Math.round(b.level * 100)}% interval [${b.holdoutTotal.low.toFixed(1)}, ${b.holdoutTotal.high.toFixed(1)}] (${b.draws} parameter draws, seed ${b.seed})`,
    );
  if (p.holdout) {
    lines.push(`Holdout check (${p.holdout.unit}): mean purchases in the holdout by calibration frequency`);
    lines.push('  frequency  customers    actual  expected');
    for (const g of p.holdout.byFrequency) {
      lines.push(
        `  ${g.frequency.padStart(9)}  ${String(g.customers).padStart(9)}  ${g.actual.toFixed(3).padStart(8)}  ${g.expected.toFixed(3).padStart(8)}`,
      );
    }
    const last = p.holdout.cumulative.at(-1);
    if (last)
      lines.push(
        `  cumulative repeat purchases at ${p.holdout.unit} ${last.period}: actual ${Math.round(last.actual)}, expected ${last.expected.toFixed(1)}`,
      );
  }
  return lines.join('\n');
}

/**
 * The model's output: the payload (the renderer and the report draw its holdout check) and
 * its text. Charts of a model come from `chart tracking|matrix|survival` statements.
 */
export function modelOutputs(p: ModelPayload): OutputItem[] {
  const outputs: OutputItem[] = [{ data: { 'text/plain': modelText(p), [MIME.model]: p } }];
  if (!p.converged) {
    const warning = `${p.name} did not converge after ${p.iterations.toLocaleString('en-US')} ${p.iterations === 1 ? 'iteration' : 'iterations'}${p.message ? ` (${p.message})` : ''}: its estimates, and everything computed from them, may be wrong. Raise \`max_iterations\`, add a small \`penalty\`, or check the data.`;
    outputs.unshift({
      data: { 'text/plain': WARNING_PREFIX + warning, [MIME.markdown]: `⚠️ **Warning:** ${warning}` },
    });
  }
  return outputs;
}
