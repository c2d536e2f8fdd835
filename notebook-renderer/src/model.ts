// A fitted model: kind, fit facts, parameters with standard errors, and the holdout check.
import type { ModelPayload } from '../../server/src/kernel/output-types';
import { formatDecimal, formatInteger, frozenSentence, interval, intervalHeader } from '../../server/src/report/format';
import { el, textTable } from './dom';

const estimate = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : String(v));

export function drawModel(model: ModelPayload, element: HTMLElement): void {
  const frozen = model.frozen?.role === 'read';
  const facts = (
    frozen
      ? [`${formatInteger(model.customers)} customers`, `log-likelihood ${formatDecimal(model.logLikelihood)}`]
      : [
          `${formatInteger(model.customers)} customers`,
          `log-likelihood ${formatDecimal(model.logLikelihood)}`,
          `${formatInteger(model.iterations)} iterations`,
          `gradient norm ${model.gradientNorm.toExponential(2)}`,
          `fitted in ${formatInteger(model.fitMs)} ms`,
        ]
  ).join(' · ');
  const note = frozenSentence(model);
  const parameters = textTable(
    ['Parameter', 'Estimate', 'Std. error', intervalHeader(model), 'Meaning'],
    model.parameters.map((p) => [
      p.name,
      estimate(p.estimate),
      p.standardError === null ? '—' : estimate(p.standardError),
      interval(p),
      p.description ?? '',
    ]),
    [false, true, true, true, false],
  );
  const holdout = model.holdout;
  // Wrapped in el(), which skips the parts this output does not have.
  element.append(
    el(
      'div',
      {},
      model.converged
        ? null
        : el(
            'div',
            { class: 'warn banner' },
            `⚠ This fit did not converge after ${formatInteger(model.iterations)} iterations: the estimates below, and everything computed from them, may be wrong.`,
          ),
      el(
        'h3',
        {},
        `${model.kind} model ${model.name} — ${frozen ? 'frozen' : model.converged ? 'converged' : 'did not converge'}`,
      ),
      el('div', { class: 'muted' }, facts),
      note ? el('div', { class: 'muted' }, note) : null,
      model.message ? el('div', { class: 'warn' }, model.message) : null,
      parameters,
      holdout
        ? el(
            'h4',
            {},
            `Holdout check: mean purchases per customer in the holdout (${holdout.unit}), by calibration frequency`,
          )
        : null,
      holdout
        ? textTable(
            ['Frequency', 'Customers', 'Actual', 'Expected'],
            holdout.byFrequency.map((g) => [
              g.frequency,
              formatInteger(g.customers),
              g.actual.toFixed(3),
              g.expected.toFixed(3),
            ]),
            [true, true, true, true],
          )
        : null,
    ),
  );
}
