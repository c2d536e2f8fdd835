// Value statements: lifetime_value of a purchase model and a spend model, or of a retention
// model with a payment; options in range.
import type { ValueStatement } from '../ast';
import { VALUE_FUNCTIONS } from '../catalog/keywords';
import { kindsOf, modelKindInfo } from '../catalog/models';
import { didYouMean, orList, suggest } from '../suggest';
import { suggestionData, type CheckContext } from './context';
import { checkBlockItems } from './options';
import { resolveDefinition } from './resolve';

export function checkValue(ctx: CheckContext, s: ValueStatement): void {
  const options = checkBlockItems(ctx, 'value', s.block);
  if (!s.call) return;
  const { callee, args } = s.call;
  if (!(VALUE_FUNCTIONS as readonly string[]).includes(callee.name)) {
    const suggestions = suggest(callee.name, VALUE_FUNCTIONS);
    ctx.error(
      callee,
      'unknown-function',
      `unknown value function \`${callee.name}\`${didYouMean(suggestions) || `; use ${orList(VALUE_FUNCTIONS)}`}`,
      suggestionData(suggestions),
    );
    return;
  }
  if (args.length === 0 || args.length > 2) {
    ctx.error(
      s.call,
      'argument-count',
      `\`${callee.name}\` takes a purchase model and a spend model, or a retention model; found ${args.length} arguments`,
    );
    return;
  }
  const models = args.map((a) => resolveDefinition(ctx, a, ['model'], `\`${callee.name}\` takes`));
  const roles = models.map((m) =>
    m?.kind === 'Model' && m.call ? modelKindInfo(m.call.callee.name)?.role : undefined,
  );
  const [first, second] = roles;
  if (first === 'spend') {
    ctx.error(
      args[0],
      'wrong-argument',
      `the first argument of \`${callee.name}\` is a purchase or retention model; \`${args[0].name}\` is a spend model`,
    );
  } else if (first === 'purchase' && args.length === 1) {
    ctx.error(
      s.call,
      'missing-spend-model',
      `a value on purchase model \`${args[0].name}\` needs a spend model too: \`${callee.name}(${args[0].name}, SPEND_MODEL)\``,
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
      `the second argument of \`${callee.name}\` is a spend model (${orList(kindsOf('spend'))}); \`${args[1].name}\` is a ${second} model`,
    );
  }
}
