// `compare MODEL, MODEL, ...`: two or more purchase models fitted on one split with a holdout,
// so their holdout errors are measured on the same customers over the same period.
import type { CompareStatement, ModelStatement } from '../ast';
import type { CheckContext } from './context';
import { resolveDefinition } from './resolve';

export function checkCompare(ctx: CheckContext, s: CompareStatement): void {
  // No names at all is a parse error already.
  if (s.models.length === 1)
    ctx.error(s, 'argument-count', `\`compare\` takes two or more purchase models; found ${s.models.length}`);
  let first: { model: string; data: string } | undefined;
  for (const name of s.models) {
    const model = resolveDefinition(ctx, name, ['model'], '`compare` judges') as ModelStatement | undefined;
    const facts = model && ctx.env.facts.of(name.name);
    const data = model?.call?.args[0]?.name;
    if (!facts?.model || !data) continue;
    if (facts.model.role !== 'purchase') {
      ctx.error(
        name,
        'wrong-argument',
        `\`compare\` judges purchase models (bgnbd, pareto_nbd, mbgnbd, bgbb); \`${name.name}\` is a ${facts.model.role} model`,
      );
    } else if (first && data !== first.data) {
      ctx.error(
        name,
        'wrong-argument',
        `\`${name.name}\` is fitted on \`${data}\` but \`${first.model}\` on \`${first.data}\`; compare models fitted on one split`,
      );
    } else if (!facts.hasHoldout) {
      ctx.error(
        name,
        'missing-holdout',
        `\`compare\` judges models on the holdout, but \`${name.name}\` is fitted on \`${data}\`, which has none; fit it on a split with \`, holdout until DATE\``,
      );
    }
    first ??= { model: name.name, data };
  }
}
