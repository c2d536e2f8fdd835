// A fitted model's summary: what was fitted on how many customers, the parameter estimates
// with standard errors, the fit diagnostics a reviewer needs to trust it (log-likelihood,
// convergence, iterations, gradient norm), and the calibration-vs-holdout check by frequency.
import type { ModelPayload } from '../kernel/output-types';
import { escapeHtml } from './escape';
import { formatDecimal, formatInteger, frozenSentence, interval, intervalHeader } from './format';

const estimate = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : String(v));

function parameters(model: ModelPayload): string {
  const rows = model.parameters
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td class="num">${estimate(p.estimate)}</td>` +
        `<td class="num">${p.standardError === null ? '—' : estimate(p.standardError)}</td>` +
        `<td class="num">${escapeHtml(interval(p))}</td>` +
        `<td>${escapeHtml(p.description ?? '')}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>Parameter</th><th class="num">Estimate</th><th class="num">Std. error</th><th class="num">${escapeHtml(intervalHeader(model))}</th><th>Meaning</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function holdout(model: ModelPayload): string {
  if (!model.holdout) return '';
  const unit = escapeHtml(model.holdout.unit);
  const rows = model.holdout.byFrequency
    .map(
      (g) =>
        `<tr><td class="num">${escapeHtml(g.frequency)}</td><td class="num">${formatInteger(g.customers)}</td>` +
        `<td class="num">${g.actual.toFixed(3)}</td><td class="num">${g.expected.toFixed(3)}</td></tr>`,
    )
    .join('');
  return (
    `<h4>Holdout check: mean purchases per customer in the holdout (${unit}), by calibration frequency</h4>` +
    `<table><thead><tr><th class="num">Frequency</th><th class="num">Customers</th><th class="num">Actual</th><th class="num">Expected</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

export function renderModel(model: ModelPayload): string {
  const frozen = model.frozen?.role === 'read';
  const status = frozen
    ? `<span class="badge ok">frozen</span>`
    : model.converged
      ? `<span class="badge ok">converged</span>`
      : `<span class="badge bad">did not converge</span>`;
  const facts = [
    `${formatInteger(model.customers)} customers`,
    `log-likelihood ${formatDecimal(model.logLikelihood)}`,
    ...(frozen
      ? []
      : [
          `${formatInteger(model.iterations)} iterations`,
          `gradient norm ${model.gradientNorm.toExponential(2)}`,
          `${formatInteger(model.fitMs)} ms`,
        ]),
  ].map(escapeHtml);
  const note = frozenSentence(model);
  const message =
    (model.message ? `<p class="warning">${escapeHtml(model.message)}</p>` : '') +
    (note ? `<p class="facts">${escapeHtml(note)}</p>` : '');
  return (
    `<section class="model"><h3>${escapeHtml(model.kind)} model <code>${escapeHtml(model.name)}</code> ${status}</h3>` +
    `<p class="facts">${facts.join(' · ')}</p>${message}${parameters(model)}${holdout(model)}</section>`
  );
}
