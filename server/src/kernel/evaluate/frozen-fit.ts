// A model's `save_fit "…"` and `frozen "…"` options: writing a fit's parameters with what they
// were fitted on, and reading them back to score other data without fitting. The file's format
// is the models library's (models/frozen.ts); this file adds the disk (the write policy for a
// save, paths relative to the notebook) and the refusals that need the model and its split.
import { createHash } from 'node:crypto';
import { readFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ModelStatement, StringLiteral } from '../../language';
import {
  frozenFitText,
  FrozenFitError,
  frozenMismatch,
  parseFrozenFit,
  type FittedOn,
  type FrozenFit,
} from '../../models/frozen';
import { exportPath, refuseReadFiles, WriteRefused } from '../../files/write-policy';
import { writeFileAtomic } from '../../files/atomic-write';
import { isoDate } from '../../data';
import type { FitData, FittedModel } from '../models-port';
import type { ModelPayload } from '../output-types';
import { EvaluationError, type EvalContext } from './context';
import { option } from './options';
import type { SplitData } from './split';

/** The string literal of a path option (`frozen "fits/q3.fit.json"`), if the block has it. */
export function pathOption(statement: ModelStatement, name: 'frozen' | 'save_fit'): StringLiteral | undefined {
  const v = option(statement.block, name)?.values[0]?.value;
  return v?.kind === 'String' ? v : undefined;
}

/** The histories a fit saw, hashed: two fits on the same calibration data carry the same fingerprint. */
function historiesFingerprint(data: FitData): string {
  const hash = createHash('sha1');
  const add = (column: Float64Array | null | undefined) => {
    if (column) hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
    hash.update('\u0000');
  };
  if (data.kind === 'cohorts') throw new Error('kernel: an sbg fit is not saved');
  if ('summary' in data) {
    const s = data.summary;
    [s.frequency, s.recency, s.T, s.totalSpend].forEach(add);
  } else if (data.kind === 'spend-sums') [data.frequency, data.customers, data.lnMean].forEach(add);
  else [data.frequency, data.recency, data.age, data.monetary, data.weight].forEach(add);
  return hash.digest('hex');
}

/** The conventions of the data a model is fitted on or scores: its split's, else a summary's own. */
export function conventionsOf(split: SplitData | null): Omit<FittedOn, 'fingerprint'> {
  if (!split) return { unit: 'periods', returns: null, calibrationStart: null, calibrationEnd: null };
  const start = split.summary.firstPurchase.reduce((m, d) => Math.min(m, d), Infinity);
  return {
    unit: split.unit,
    returns: split.returns,
    calibrationStart: Number.isFinite(start) ? isoDate(start) : null,
    calibrationEnd: isoDate(split.calibrationEnd),
  };
}

/** Reads the file of a `frozen` option, refusing one whose kind or conventions are not this model's. */
export function readFrozenFit(ctx: EvalContext, statement: ModelStatement, split: SplitData | null): FrozenFit {
  const path = pathOption(statement, 'frozen')!;
  const kind = statement.call!.callee.name;
  let fit: FrozenFit;
  try {
    fit = parseFrozenFit(readFileSync(resolve(ctx.notebookDir, path.value), 'utf8'));
  } catch (err) {
    if (err instanceof FrozenFitError)
      throw new EvaluationError(`"${path.value}" is not a usable saved fit: ${err.message}.`, path);
    throw new EvaluationError(`Cannot read the saved fit "${path.value}": ${(err as Error).message}`, path);
  }
  const mismatch = frozenMismatch(fit, kind, conventionsOf(split));
  if (mismatch) throw new EvaluationError(`"${path.value}" ${mismatch}.`, path);
  return fit;
}

/** Writes a model's fit to its `save_fit` path (inside the notebook's folder, never onto a file it reads). */
export function saveFit(
  ctx: EvalContext,
  statement: ModelStatement,
  fitted: FittedModel,
  data: FitData,
  split: SplitData | null,
): string {
  const path = pathOption(statement, 'save_fit')!;
  const kind = statement.call!.callee.name as FrozenFit['kind'];
  const fit: FrozenFit = {
    kind,
    parameters: Object.fromEntries(fitted.parameters.map((p) => [p.name, p.estimate])),
    standardErrors: Object.fromEntries(fitted.parameters.map((p) => [p.name, p.standardError])),
    logCovariance: fitted.logCovariance,
    logLikelihood: fitted.logLikelihood,
    customers: fitted.customers,
    fittedOn: { ...conventionsOf(split), fingerprint: historiesFingerprint(data) },
  };
  try {
    const target = exportPath(ctx.notebookDir, path.value);
    refuseReadFiles(target, ctx.readFiles(), path.value);
    writeFileAtomic(target, (fd) => writeSync(fd, frozenFitText(fit)));
    return target;
  } catch (err) {
    if (err instanceof WriteRefused) throw new EvaluationError(err.message, path);
    throw new EvaluationError(`Could not write the fit to "${path.value}": ${(err as Error).message}`, path);
  }
}

/** What a frozen or saved model's output says about its file. */
export function frozenNote(
  statement: ModelStatement,
  frozen: FrozenFit | undefined,
  savedTo: string | undefined,
): ModelPayload['frozen'] {
  if (frozen)
    return {
      file: pathOption(statement, 'frozen')!.value,
      role: 'read',
      fittedOn: frozen.fittedOn,
      fittedCustomers: frozen.customers,
      fittedLogLikelihood: frozen.logLikelihood,
    };
  if (savedTo) return { file: pathOption(statement, 'save_fit')!.value, role: 'written' };
  return undefined;
}
