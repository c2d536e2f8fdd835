// Resolving a reference to a definition: unknown names get "did you mean", names of the
// wrong kind say what was expected.
import type { Definition, DefinitionKind, Identifier } from '../ast';
import { didYouMean, orList, suggest } from '../suggest';
import { suggestionData, type CheckContext } from './context';
import { kindName } from './describe';
import { definitionKind } from './facts';

/**
 * The definition `name` refers to, if it exists and is of an allowed kind; otherwise reports
 * why and returns undefined. `usage` completes "`x` is a model, but {usage} a split or a source".
 */
export function resolveDefinition(
  ctx: CheckContext,
  name: Identifier | null,
  allowed: readonly DefinitionKind[],
  usage: string,
): Definition | undefined {
  if (!name) return undefined;
  const definition = ctx.env.lookup(name.name);
  if (!definition) {
    const suggestions = suggest(name.name, ctx.env.names());
    ctx.error(
      name,
      'unknown-name',
      `unknown name \`${name.name}\`${didYouMean(suggestions)}`,
      suggestionData(suggestions),
    );
    return undefined;
  }
  const kind = definitionKind(definition)!;
  if (!allowed.includes(kind)) {
    ctx.error(
      name,
      'wrong-kind',
      `\`${name.name}\` is ${kindName(kind)}, but ${usage} ${orList(allowed.map(kindName))}`,
    );
    return undefined;
  }
  return definition;
}
