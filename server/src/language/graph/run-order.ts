// The order the kernel runs statements in: each after the definitions it needs, otherwise in
// notebook order. A statement that needs an undefined name, a duplicated name's later
// definition, or anything on a cycle cannot run and is listed as blocked.
import type { Statement } from '../ast';
import { definitionName, definitionReferences } from '../checker/facts';
import type { DefinitionInfo, StatementInfo } from '../program-types';
import { DepthFirst } from './depth-first';
import type { DefinitionGraph } from './definitions';

export function planRun(
  cells: { cellId: string; statements: Statement[] }[],
  definitions: Map<string, DefinitionInfo[]>,
  graph: DefinitionGraph,
): { runOrder: StatementInfo[]; blocked: StatementInfo[] } {
  const runOrder: StatementInfo[] = [];
  const blocked: StatementInfo[] = [];
  // Per definition name, once its dependencies were walked: whether it can run. A name on
  // the walk's path (a cycle) or never defined has no entry, so what reads it cannot run.
  const runs = new Map<string, boolean>();

  const infoOf = (cellId: string, statement: Statement): StatementInfo => {
    const info: StatementInfo = { cellId, statement, dependencies: definitionReferences(statement).map((r) => r.name) };
    const name = definitionName(statement);
    if (name) info.defines = name.name;
    return info;
  };

  const walk = new DepthFirst<string>({
    dependencies: (name) => graph.reads(name),
    leave: (name) => {
      const d = definitions.get(name)![0];
      const ok = d.dependencies.every((dependency) => runs.get(dependency) === true);
      runs.set(name, ok);
      (ok ? runOrder : blocked).push(infoOf(d.cellId, d.statement));
    },
  });
  const canRunDefinition = (name: string): boolean => {
    if (graph.has(name)) walk.walk(name);
    return runs.get(name) === true;
  };

  for (const { cellId, statements } of cells) {
    for (const statement of statements) {
      const name = definitionName(statement);
      if (name && definitions.get(name.name)?.[0].statement === statement) {
        canRunDefinition(name.name);
        continue;
      }
      const info = infoOf(cellId, statement);
      // Charts, exports, unnamed or duplicate definitions.
      const ok = !name && info.dependencies.map(canRunDefinition).every(Boolean);
      (ok ? runOrder : blocked).push(info);
    }
  }
  return { runOrder, blocked };
}
