// A frozen fit: a fitted model's parameters, their covariance and what they were fitted on, as
// the JSON text a model's `save_fit` option writes and its `frozen` option reads back, so
// next month's data are scored with this quarter's parameters without refitting. Text in, text
// out (no I/O): the kernel writes and reads the file, the editor's checks read it too, and both
// refuse a file with the same messages. docs/models.md ("Frozen fits") describes the format.
import { MODEL_PARAMETERS, type ModelKind } from './parameters';
import { UNIT_DAYS, type TimeUnit } from './summary/units';

/** What the file says it is, so a per-customer `.json` export is never mistaken for a fit. */
export const FROZEN_FIT_FORMAT = 'clv-notebooks fit';
export const FROZEN_FIT_VERSION = 1;

/** The model kinds a fit can be frozen for: one set of parameters scores any customer (not sbg's cohorts). */
export const FREEZABLE_KINDS = ['bgnbd', 'mbgnbd', 'pareto_nbd', 'bgbb', 'gamma_gamma'] as const;
export type FreezableKind = (typeof FREEZABLE_KINDS)[number];

export interface FrozenFit {
  kind: FreezableKind;
  /** Natural scale, by the library's parameter names (MODEL_PARAMETERS), in its order. */
  parameters: Record<string, number>;
  standardErrors: Record<string, number | null>;
  /** Covariance of the log-parameters in the order of `parameters` (intervals draw from it); null if singular. */
  logCovariance: number[][] | null;
  /** Log-likelihood of the data it was fitted on, and how many customers those were. */
  logLikelihood: number;
  customers: number;
  fittedOn: FittedOn;
}

/** The conventions a fit was made under: a split scored by it must share the time unit and the returns policy. */
export interface FittedOn {
  /** Time unit of recency, age and rates (`periods` for a summary source's own unit). */
  unit: TimeUnit | 'periods';
  /** What negative amounts meant in the source (`exclude`, `net`, `keep`), null for a summary source. */
  returns: string | null;
  /** First purchase and calibration end (ISO dates), null for a summary source. */
  calibrationStart: string | null;
  calibrationEnd: string | null;
  /** SHA-1 of the calibration histories the fit saw (frequency, recency, age, spend), in hex. */
  fingerprint: string;
}

/** A file that is not a usable frozen fit; the message says what is wrong in it. */
export class FrozenFitError extends Error {}

/** The file's text: stable key order, two-space indents, a final newline (readable in a diff). */
export function frozenFitText(fit: FrozenFit): string {
  return JSON.stringify({ format: FROZEN_FIT_FORMAT, version: FROZEN_FIT_VERSION, ...fit }, null, 2) + '\n';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDate = (v: unknown) => v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));

/** Reads a frozen fit's text, or throws FrozenFitError naming the first thing wrong with it. */
export function parseFrozenFit(text: string): FrozenFit {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new FrozenFitError(`it is not JSON (${(err as Error).message})`);
  }
  if (!isRecord(json) || json.format !== FROZEN_FIT_FORMAT)
    throw new FrozenFitError(
      `it is not a saved fit (no "format": "${FROZEN_FIT_FORMAT}"); write one with a model's \`save_fit\` option`,
    );
  if (json.version !== FROZEN_FIT_VERSION)
    throw new FrozenFitError(
      `it is version ${String(json.version)} of the format; this version reads ${FROZEN_FIT_VERSION}`,
    );
  const kind = json.kind;
  if (typeof kind !== 'string' || !(FREEZABLE_KINDS as readonly string[]).includes(kind))
    throw new FrozenFitError(`its "kind" ${JSON.stringify(kind)} is not one of ${FREEZABLE_KINDS.join(', ')}`);
  const names = MODEL_PARAMETERS[kind as ModelKind] as readonly string[];
  const parameters = json.parameters;
  if (!isRecord(parameters)) throw new FrozenFitError('it has no "parameters" object');
  const values: Record<string, number> = {};
  for (const name of names) {
    const v = parameters[name];
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v))
      throw new FrozenFitError(
        `its parameter "${name}" is ${JSON.stringify(v)}; a ${kind} fit needs a positive number`,
      );
    values[name] = v;
  }
  const extra = Object.keys(parameters).find((name) => !names.includes(name));
  if (extra) throw new FrozenFitError(`"${extra}" is not a parameter of ${kind} (it has ${names.join(', ')})`);
  const errors = isRecord(json.standardErrors) ? json.standardErrors : {};
  const standardErrors = Object.fromEntries(
    names.map((name) => [name, typeof errors[name] === 'number' ? errors[name] : null]),
  );
  const covariance = json.logCovariance;
  const square = (m: unknown): m is number[][] =>
    Array.isArray(m) &&
    m.length === names.length &&
    m.every((row) => Array.isArray(row) && row.length === names.length && row.every((v) => Number.isFinite(v)));
  if (covariance !== null && covariance !== undefined && !square(covariance))
    throw new FrozenFitError(`its "logCovariance" is not a ${names.length} × ${names.length} matrix of numbers`);
  const on = json.fittedOn;
  if (!isRecord(on)) throw new FrozenFitError('it has no "fittedOn" object (the conventions it was fitted under)');
  if (typeof on.unit !== 'string' || !(on.unit === 'periods' || Object.hasOwn(UNIT_DAYS, on.unit)))
    throw new FrozenFitError(`its "fittedOn.unit" ${JSON.stringify(on.unit)} is not a time unit`);
  if (!(on.returns === null || typeof on.returns === 'string'))
    throw new FrozenFitError('its "fittedOn.returns" is neither a returns policy nor null');
  if (!isDate(on.calibrationStart) || !isDate(on.calibrationEnd))
    throw new FrozenFitError('its "fittedOn" calibration dates are not ISO dates (YYYY-MM-DD) or null');
  return {
    kind: kind as FreezableKind,
    parameters: values,
    standardErrors,
    logCovariance: covariance ?? null,
    logLikelihood: typeof json.logLikelihood === 'number' ? json.logLikelihood : NaN,
    customers: typeof json.customers === 'number' ? json.customers : 0,
    fittedOn: {
      unit: on.unit as TimeUnit | 'periods',
      returns: on.returns,
      calibrationStart: on.calibrationStart as string | null,
      calibrationEnd: on.calibrationEnd as string | null,
      fingerprint: typeof on.fingerprint === 'string' ? on.fingerprint : '',
    },
  };
}

/**
 * Why a saved fit cannot score a `kind` model's data with conventions `here`, or undefined:
 * another model kind, another time unit (a purchase model's rates are per unit) or another
 * returns policy (purchases and spend would be counted differently). Only the kind is known
 * before a run (the editor's file checks); a run checks all three.
 */
export function frozenMismatch(
  fit: FrozenFit,
  kind: string,
  here?: Pick<FittedOn, 'unit' | 'returns'>,
): string | undefined {
  if (fit.kind !== kind)
    return `holds a \`${fit.kind}\` fit, and this model is \`${kind}\`: write \`${fit.kind}(…)\` to score with it, or save a \`${kind}\` fit`;
  if (!here) return undefined;
  const on = fit.fittedOn;
  if (kind !== 'gamma_gamma' && on.unit !== here.unit)
    return `was fitted with time in ${on.unit}, and this model's data count ${here.unit}: its rates are per ${on.unit.replace(/s$/, '')}, so split the data \`in ${on.unit}\``;
  if (on.returns !== null && here.returns !== null && on.returns !== here.returns)
    return `was fitted on a source with \`returns ${on.returns}\`, and this model's source has \`returns ${here.returns}\`: purchases and spend would not be counted alike`;
  return undefined;
}
