// The notebook's dependency graph: one node per defined name (its first definition; later ones
// are duplicates the checker reports), an edge to each defined name it reads. Built whenever a
// name or a reference changes, so on integer ids with the edges in flat arrays (a notebook has
// thousands of definitions); the checker's cycles and run order and their messages walk it.
import type { DefinitionInfo } from '../program-types';

export class DefinitionGraph {
  private readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  /** The edges of node `v` are targets[firstEdge[v] .. firstEdge[v + 1]). */
  private readonly firstEdge: Int32Array;
  private readonly targets: Int32Array;

  constructor(definitions: ReadonlyMap<string, readonly DefinitionInfo[]>) {
    let edgeCount = 0;
    for (const [name, infos] of definitions) {
      this.ids.set(name, this.names.length);
      this.names.push(name);
      edgeCount += infos[0].dependencies.length;
    }
    this.firstEdge = new Int32Array(this.names.length + 1);
    this.targets = new Int32Array(edgeCount);
    let e = 0;
    let v = 0;
    for (const infos of definitions.values()) {
      this.firstEdge[v++] = e;
      for (const dependency of infos[0].dependencies) {
        const target = this.ids.get(dependency);
        if (target !== undefined) this.targets[e++] = target;
      }
    }
    this.firstEdge[v] = e;
  }

  has(name: string): boolean {
    return this.ids.has(name);
  }

  /** The defined names that `name` reads, in order of appearance (a name read twice is listed twice). */
  reads(name: string): string[] {
    const v = this.ids.get(name);
    if (v === undefined) return [];
    const result: string[] = [];
    for (let k = this.firstEdge[v]; k < this.firstEdge[v + 1]; k++) result.push(this.names[this.targets[k]]);
    return result;
  }

  /**
   * The cycles, each as its members: Tarjan's strongly connected components, iterative, keeping
   * those with several members or one that reads itself.
   */
  cycles(): string[][] {
    const { firstEdge, targets, names } = this;
    const n = names.length;
    const readsItself = (v: number) => {
      for (let k = firstEdge[v]; k < firstEdge[v + 1]; k++) if (targets[k] === v) return true;
      return false;
    };
    const index = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    const nextEdge = new Int32Array(n);
    const stack: number[] = [];
    const components: string[][] = [];
    const path: number[] = []; // the depth-first path from the current root
    let counter = 0;
    for (let root = 0; root < n; root++) {
      if (index[root] !== -1) continue;
      path.push(root);
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = 1;
      while (path.length) {
        const v = path[path.length - 1];
        if (firstEdge[v] + nextEdge[v] < firstEdge[v + 1]) {
          const w = targets[firstEdge[v] + nextEdge[v]++];
          if (index[w] === -1) {
            index[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = 1;
            path.push(w);
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        path.pop();
        if (path.length) low[path[path.length - 1]] = Math.min(low[path[path.length - 1]], low[v]);
        if (low[v] === index[v]) {
          const from = stack.lastIndexOf(v);
          if (from < stack.length - 1 || readsItself(v)) components.push(stack.slice(from).map((w) => names[w]));
          for (let k = from; k < stack.length; k++) onStack[stack[k]] = 0;
          stack.length = from;
        }
      }
    }
    return components;
  }

  /**
   * For each member of a cycle (one of `cycles()`), a path from it back to itself inside the
   * cycle: the shortest one (a search per member) up to `SHORTEST_PATHS_UP_TO` members, else a
   * walk through one root, which takes two searches for the whole cycle instead of one per
   * member (a 2,320-definition cycle took seconds).
   */
  cyclePaths(component: string[]): (name: string) => string[] {
    const members = new Set(component);
    const inside = (name: string) => this.reads(name).filter((d) => members.has(d));
    if (component.length <= SHORTEST_PATHS_UP_TO) return (name) => shortestCycle(name, inside);
    return walksThroughRoot(component, inside);
  }
}

/** Up to this many members each member's path is the shortest one back; larger cycles are generated. */
const SHORTEST_PATHS_UP_TO = 64;

/** The shortest path from `start` back to itself along `next`. */
function shortestCycle(start: string, next: (name: string) => string[]): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head];
    for (const n of next(current)) {
      if (n === start) return [start, ...pathFromParents(parent, start, current), start];
      if (!parent.has(n)) {
        parent.set(n, current);
        queue.push(n);
      }
    }
  }
  return [start, start];
}

/** The path `from` → … → `to` along `parent` links (excluding `from`), given `to`'s chain reaches `from`. */
function pathFromParents(parent: Map<string, string>, from: string, to: string): string[] {
  const chain: string[] = [];
  for (let at = to; at !== from; at = parent.get(at)!) chain.push(at);
  return chain.reverse();
}

/** Each member's path as member ⇝ root (a search towards the root), then root ⇝ member (a search from it). */
function walksThroughRoot(component: string[], inside: (name: string) => string[]): (name: string) => string[] {
  const root = component[0];
  const readers = new Map<string, string[]>();
  for (const name of component)
    for (const d of inside(name)) {
      const list = readers.get(d);
      if (list) list.push(name);
      else readers.set(d, [name]);
    }
  const search = (next: (name: string) => string[]) => {
    const parent = new Map<string, string>();
    const queue = [root];
    for (let head = 0; head < queue.length; head++)
      for (const n of next(queue[head]))
        if (n !== root && !parent.has(n)) {
          parent.set(n, queue[head]);
          queue.push(n);
        }
    return parent;
  };
  const fromRoot = search(inside);
  const towardsRoot = search((name) => readers.get(name) ?? []);
  return (name) => {
    if (name === root) {
      const last = readers.get(root)![0];
      return last === root ? [root, root] : [root, ...pathFromParents(fromRoot, root, last), root];
    }
    const toRoot = pathFromParents(towardsRoot, root, name).reverse();
    return [...toRoot, root, ...pathFromParents(fromRoot, root, name)];
  };
}
