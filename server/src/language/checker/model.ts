// Model statements: a known model kind, one argument of the right kind of data (sbg fits
// cohorts; the others fit transactions or summaries), spend amounts for spend models, options.
import type { ModelStatement } from '../ast';
import { kindsOf, MODEL_KINDS, modelKindInfo, type ModelKindInfo, type ModelRole } from '../catalog/models';
import { optionAppliesTo, optionInfo } from '../catalog/options';
import { didYouMean, suggest } from '../suggest';
import { suggestionData, type CheckContext } from './context';
import { checkBlockItems } from './options';
import { resolveDefinition } from './resolve';

export function checkModel(ctx: CheckContext, s: ModelStatement): void {
  checkBlockItems(ctx, 'model', s.block);
  if (!s.call) return;
  const { callee, args } = s.call;
  const info = modelKindInfo(callee.name);
  if (!info) {
    const suggestions = suggest(
      callee.name,
      MODEL_KINDS.map((m) => m.name),
    );
    ctx.error(
      callee,
      'unknown-model-kind',
      `unknown model kind \`${callee.name}\`${didYouMean(suggestions)}`,
      suggestionData(suggestions),
    );
    return;
  }
  checkRoleOptions(ctx, s, info);
  const wanted = info.input === 'cohorts' ? 'a cohort source' : 'a split or a source';
  if (args.length !== 1) {
    ctx.error(s.call, 'argument-count', `\`${info.name}\` takes one argument, ${wanted}; found ${args.length}`);
    if (args.length === 0) return;
  }
  const arg = args[0];
  const allowed = info.input === 'cohorts' ? (['source'] as const) : (['split', 'source'] as const);
  if (!resolveDefinition(ctx, arg, allowed, `\`${info.name}\` fits`)) return;
  const facts = ctx.env.facts.of(arg.name);
  const kind = facts?.sourceKind;
  if (!kind) return;
  if (info.input === 'cohorts' && kind !== 'cohorts') {
    ctx.error(
      arg,
      'wrong-argument',
      `\`${info.name}\` fits cohort survivor counts (period and survivors); \`${arg.name}\` is ${kind === 'summary' ? 'a summary' : 'a transaction'} source`,
    );
  } else if (info.input === 'transactions' && kind === 'cohorts') {
    ctx.error(
      arg,
      'wrong-argument',
      `\`${info.name}\` fits customer transactions or summaries; \`${arg.name}\` is a cohort source (use sbg)`,
    );
  } else if (info.role === 'spend' && !facts.hasAmount) {
    const role = kind === 'summary' ? 'monetary' : 'amount';
    ctx.error(
      arg,
      'missing-amount',
      `\`${info.name}\` needs spend amounts, but source \`${facts.source?.name?.name}\` maps no \`${role}\` column`,
    );
  }
}

/** "purchase models"; a role only one kind plays is named by that kind ("sbg models"). */
function roleNoun(role: ModelRole): string {
  const kinds = kindsOf(role);
  return `${kinds.length === 1 ? kinds[0] : role} models`;
}

/**
 * Options that only some roles of model use (`horizon` for purchase models, `fit_periods` for
 * sbg), and options that act on fitting, which a `frozen` model is not.
 */
function checkRoleOptions(ctx: CheckContext, s: ModelStatement, info: ModelKindInfo): void {
  const frozen = s.block?.items.some((item) => item.kind === 'Option' && item.name.name === 'frozen');
  for (const item of s.block?.items ?? []) {
    if (item.kind !== 'Option') continue;
    const option = optionInfo('model', item.name.name);
    if (frozen && option?.fitting)
      ctx.error(
        item.name,
        'option-not-applicable',
        `\`${item.name.name}\` acts on fitting, but a \`frozen\` model is not fitted: it scores with the saved parameters as they are`,
      );
    if (option?.modelRoles && !optionAppliesTo(option, info.role))
      ctx.error(
        item.name,
        'option-not-applicable',
        `\`${item.name.name}\` applies to ${option.modelRoles.map(roleNoun).join(' and ')} only; \`${info.name}\` is a ${info.role} model`,
      );
  }
}
