// Split statements: a transaction source, real dates, and a holdout that ends after calibration.
import type { SplitStatement } from '../ast';
import type { CheckContext } from './context';
import { checkDateLiteral } from './dates';
import { resolveDefinition } from './resolve';

export function checkSplit(ctx: CheckContext, s: SplitStatement): void {
  const source = resolveDefinition(ctx, s.source, ['source'], 'a split splits');
  const kind = source ? ctx.env.facts.of(s.source!.name)?.sourceKind : undefined;
  if (kind && kind !== 'transactions') {
    ctx.error(
      s.source!,
      'wrong-argument',
      `a split needs a transaction source (customer and date); \`${s.source!.name}\` is a ${kind === 'summary' ? 'summary' : 'cohort'} source`,
    );
  }
  const calibrationOk = s.calibrationEnd ? checkDateLiteral(ctx, s.calibrationEnd) : false;
  const holdoutOk = s.holdoutEnd ? checkDateLiteral(ctx, s.holdoutEnd) : false;
  if (calibrationOk && holdoutOk && s.holdoutEnd!.value <= s.calibrationEnd!.value) {
    ctx.error(
      s.holdoutEnd!,
      'invalid-split',
      `the holdout must end after the calibration period (${s.calibrationEnd!.value})`,
    );
  }
}
