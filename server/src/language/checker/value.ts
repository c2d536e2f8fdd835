// Value statements: lifetime_value of a purchase model and a spend model, or of a retention
// model with a payment; options in range.
import type { ValueStatement } from '../ast';
import { modelKindInfo } from '../catalog/models';
import { didYouMean, suggest } from '../suggest';
import { suggestionData, type CheckContext } from './context';
import { checkBlockItems } from './options';
import { resolveDefinition } from './resolve';

export function checkValue(ctx: CheckContext, s: ValueStatement): void {
  const options = checkBlockItems(ctx, 'value', s.block);
  if (!s.call) return;
  const { callee, args } = s.call;
  if (callee.name !== 'lifetime_value') {
    const suggestions = suggest(callee.name, ['lifetime_value']);
    ctx.error(
      callee,
      'unknown-function',
      `unknown value function \`${callee.name}\`${didYouMean(suggestions) || '; use lifetime_value'}`,
      suggestionData(suggestions),
    );
    return;
  }
  if (args.length === 0 || args.length > 2) {
    ctx.error(
      s.call,
      'argument-count',
      `\`lifetime_value\` takes a purchase model and a spend model, or a retention model; found ${args.length} arguments`,
    );
    return;
  }
  const models = args.map((a) => resolveDefinition(ctx, a, ['model'], '`lifetime_value` takes'));
  const roles = models.map((m) =>
    m?.kind === 'Model' && m.call ? modelKindInfo(m.call.callee.name)?.role : undefined,
  );
  const [first, second] = roles;
  if (first === 'spend') {
    ctx.error(
      args[0],
      'wrong-argument',
      `the first argument of \`lifetime_value\` is a purchase or retention model; \`${args[0].name}\` is a spend model`,
    );
  } else if (first === 'purchase' && args.length === 1) {
    ctx.error(
      s.call,
      'missing-spend-model',
      `a value on purchase model \`${args[0].name}\` needs a spend model too: \`lifetime_value(${args[0].name}, SPEND_MODEL)\``,
    );
  } else if (first === 'retention') {
    if (args.length > 1)
      ctx.error(
        args[1],
        'argument-count',
        `a value on retention model \`${args[0].name}\` takes no spend model; set \`payment\` instead`,
      );
    else if (!options.has('payment'))
      ctx.error(
        s.call,
        'missing-option',
        `a value on retention model \`${args[0].name}\` needs \`payment\`, e.g. \`payment 100 per year\``,
      );
  }
  if (second && second !== 'spend') {
    ctx.error(
      args[1],
      'wrong-argument',
      `the second argument of \`lifetime_value\` is a spend model (gamma_gamma); \`${args[1].name}\` is a ${second} model`,
    );
  }
}
