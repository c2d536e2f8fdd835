// Checks over all definitions at once: a name defined twice, and definitions that depend on
// themselves through a chain of references.
import type { Diagnostic } from '../diagnostic';
import type { DefinitionInfo } from '../program-types';

type Located = Diagnostic & { cellId: string };

export function duplicateDiagnostics(definitions: Map<string, DefinitionInfo[]>, location: (d: DefinitionInfo) => string): Located[] {
  const result: Located[] = [];
  for (const [name, infos] of definitions) {
    for (const d of infos.slice(1)) {
      result.push({ cellId: d.cellId, range: d.nameRange, severity: 'error', code: 'duplicate-definition', message: `\`${name}\` is already defined (${location(infos[0])}); give this one another name` });
    }
  }
  return result;
}

/** One diagnostic per definition on a cycle, naming the cycle from it back to itself. */
export function cycleDiagnostics(definitions: Map<string, DefinitionInfo[]>): Located[] {
  const result: Located[] = [];
  for (const component of stronglyConnected(definitions)) {
    const members = new Set(component);
    const selfLoop = component.length === 1 && definitions.get(component[0])![0].dependencies.includes(component[0]);
    if (component.length === 1 && !selfLoop) continue;
    for (const name of component) {
      const d = definitions.get(name)![0];
      const path = cyclePath(name, members, definitions);
      result.push({ cellId: d.cellId, range: d.nameRange, severity: 'error', code: 'cyclic-definition', message: `\`${name}\` depends on itself: ${path.join(' → ')}` });
    }
  }
  return result;
}

/** Tarjan's algorithm over the first definition of each name. */
function stronglyConnected(definitions: Map<string, DefinitionInfo[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const visit = (name: string) => {
    index.set(name, counter);
    low.set(name, counter++);
    stack.push(name);
    onStack.add(name);
    for (const next of definitions.get(name)![0].dependencies) {
      if (!definitions.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(name, Math.min(low.get(name)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(name, Math.min(low.get(name)!, index.get(next)!));
      }
    }
    if (low.get(name) === index.get(name)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== name);
      components.push(component.reverse());
    }
  };
  for (const name of definitions.keys()) if (!index.has(name)) visit(name);
  return components;
}

/** The shortest path from `start` back to itself inside the cycle's members. */
function cyclePath(start: string, members: Set<string>, definitions: Map<string, DefinitionInfo[]>): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const current = queue.shift()!;
    for (const next of definitions.get(current)![0].dependencies) {
      if (!members.has(next)) continue;
      if (next === start) {
        const chain: string[] = [];
        for (let at = current; at !== start; at = parent.get(at)!) chain.unshift(at);
        return [start, ...chain, start];
      }
      if (!parent.has(next)) {
        parent.set(next, current);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
