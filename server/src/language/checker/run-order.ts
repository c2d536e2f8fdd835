// The order the kernel runs statements in: each after the definitions it needs, otherwise in
// notebook order. A statement that needs an undefined name, a duplicated name's later
// definition, or anything on a cycle cannot run and is listed as blocked.
import type { Statement } from '../ast';
import type { DefinitionInfo, StatementInfo } from '../program-types';
import { definitionName, definitionReferences } from './facts';

export function planRun(
  cells: { cellId: string; statements: Statement[] }[],
  definitions: Map<string, DefinitionInfo[]>,
): { runOrder: StatementInfo[]; blocked: StatementInfo[] } {
  const runOrder: StatementInfo[] = [];
  const blocked: StatementInfo[] = [];
  // Per definition name: 'running' while its dependencies are visited, then whether it can run.
  const state = new Map<string, 'running' | boolean>();

  const infoOf = (cellId: string, statement: Statement): StatementInfo => {
    const info: StatementInfo = { cellId, statement, dependencies: definitionReferences(statement).map((r) => r.name) };
    const name = definitionName(statement);
    if (name) info.defines = name.name;
    return info;
  };

  const canRunDefinition = (name: string): boolean => {
    const s = state.get(name);
    if (s === 'running') return false; // a cycle
    if (s !== undefined) return s;
    const d = definitions.get(name)?.[0];
    if (!d) return false;
    state.set(name, 'running');
    const ok = d.dependencies.map(canRunDefinition).every(Boolean);
    state.set(name, ok);
    (ok ? runOrder : blocked).push(infoOf(d.cellId, d.statement));
    return ok;
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
