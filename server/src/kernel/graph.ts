// Execution order. Every statement of the notebook is a node; its edges are the names it
// reads. Running some cells means running their statements and, first, everything those
// statements read, transitively — each node once, dependencies before dependents.
import { DepthFirst } from '../language';

export interface GraphNode {
  id: string;
  /** Ids of the nodes this one reads. Unknown ids are ignored (the checker reports them). */
  deps: string[];
}

export class CycleError extends Error {
  constructor(readonly cycle: string[]) {
    super(`Definitions depend on each other in a cycle: ${cycle.join(' → ')}.`);
  }
}

/**
 * The nodes needed to run `targets`, dependencies first. Among independent nodes the
 * notebook's order (the order of `nodes`) is kept, so outputs appear in a natural order.
 */
export function executionOrder(nodes: GraphNode[], targets: string[]): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const position = new Map(nodes.map((n, i) => [n.id, i]));
  const order: string[] = [];
  const walk = new DepthFirst<string>({
    dependencies: (id) => byId.get(id)!.deps.filter((dep) => byId.has(dep)),
    leave: (id) => order.push(id),
    cycle: (id, path) => {
      throw new CycleError([...path.slice(path.indexOf(id)), id]);
    },
  });
  const sortedTargets = [...new Set(targets)].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
  for (const id of sortedTargets) if (byId.has(id)) walk.walk(id);
  return order;
}

/** Every node that reads `id`, directly or not (used to name what a failure blocks). */
export function dependentsOf(nodes: GraphNode[], id: string): Set<string> {
  const readers = new Map<string, string[]>();
  for (const n of nodes) for (const d of n.deps) readers.set(d, [...(readers.get(d) ?? []), n.id]);
  const out = new Set<string>();
  const stack = [id];
  while (stack.length) {
    for (const r of readers.get(stack.pop()!) ?? []) {
      if (!out.has(r)) {
        out.add(r);
        stack.push(r);
      }
    }
  }
  return out;
}
