// Segments: what they segment, each rule's condition, and rules that can never match because
// an earlier rule already takes every customer they would (anything after `otherwise`; a rule
// one of whose `and` terms is implied by an earlier single-predicate rule on the same metric,
// e.g. `clv > 100` before `clv > 500`, `in top 30%` before `in top 10%`). A block without
// `otherwise` leaves customers unsegmented, which is usually an oversight.
import type { SegmentRule, SegmentsStatement } from '../ast';
import type { CheckContext } from './context';
import { checkCondition } from './conditions';
import { resolveDefinition } from './resolve';
import { conjuncts, implies, predicateText, singlePredicate } from './predicates';

export function checkSegments(ctx: CheckContext, s: SegmentsStatement): void {
  const target = resolveDefinition(ctx, s.on, ['value', 'model'], 'segments are on');
  const facts = target ? ctx.env.facts.of(s.on!.name) : undefined;
  for (const rule of s.rules) checkCondition(ctx, rule.condition, { kind: 'metrics', facts, target: s.on?.name ?? '' });
  checkReachability(ctx, s.rules);
  if (s.closed && !s.rules.some((r) => r.otherwise)) {
    ctx.warning(
      s.name ?? s,
      'missing-otherwise',
      'no `otherwise` rule: customers who match no rule are left unsegmented; end with a rule such as `"Other" otherwise`',
    );
  }
}

function checkReachability(ctx: CheckContext, rules: SegmentRule[]): void {
  let otherwise: SegmentRule | undefined;
  for (let j = 0; j < rules.length; j++) {
    const rule = rules[j];
    if (otherwise) {
      ctx.warning(
        rule,
        'unreachable-rule',
        `this rule can never match: the \`otherwise\` rule ${otherwise.label.raw} above already takes every remaining customer`,
      );
      continue;
    }
    if (rule.otherwise) {
      otherwise = rule;
      continue;
    }
    if (!rule.condition) continue;
    const terms = conjuncts(rule.condition);
    for (const earlier of rules.slice(0, j)) {
      const broad = earlier.condition && singlePredicate(earlier.condition);
      if (broad && terms.some((t) => implies(t, broad))) {
        ctx.warning(
          rule,
          'unreachable-rule',
          `this rule can never match: every customer it would take is already taken by the rule ${earlier.label.raw} above (\`${predicateText(broad)}\`)`,
        );
        break;
      }
    }
  }
}
