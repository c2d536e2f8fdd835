// Checks over all definitions at once: a name defined twice, and definitions that depend on
// themselves through a chain of references. Finding them needs only names and references,
// so `wholeProgramFindings` runs when those change; placing the diagnostics runs every check.
import type { Diagnostic } from '../diagnostic';
import type { DefinitionInfo } from '../program-types';

type Located = Diagnostic & { cellId: string };

export interface WholeProgramFindings {
  /** Names defined more than once. */
  duplicates: string[];
  /** The cycles, each as its members. */
  cycles: string[][];
}

export function wholeProgramFindings(definitions: Map<string, DefinitionInfo[]>): WholeProgramFindings {
  const duplicates: string[] = [];
  for (const [name, infos] of definitions) if (infos.length > 1) duplicates.push(name);
  return { duplicates, cycles: cycles(definitions) };
}

export function duplicateDiagnostics(
  names: string[],
  definitions: Map<string, DefinitionInfo[]>,
  location: (d: DefinitionInfo) => string,
): Located[] {
  const result: Located[] = [];
  for (const name of names) {
    const infos = definitions.get(name)!;
    for (const d of infos.slice(1)) {
      result.push({
        cellId: d.cellId,
        range: d.nameRange,
        severity: 'error',
        code: 'duplicate-definition',
        message: `\`${name}\` is already defined (${location(infos[0])}); give this one another name`,
      });
    }
  }
  return result;
}

/** One diagnostic per definition on a cycle, naming the cycle from it back to itself. */
export function cycleDiagnostics(cycles: string[][], definitions: Map<string, DefinitionInfo[]>): Located[] {
  const result: Located[] = [];
  for (const component of cycles) {
    const members = new Set(component);
    const pathOf =
      component.length <= SHORTEST_PATHS_UP_TO
        ? (name: string) => cyclePath(name, members, definitions)
        : walksThroughRoot(component, members, definitions);
    for (const name of component) {
      const d = definitions.get(name)![0];
      const path = pathOf(name);
      result.push({
        cellId: d.cellId,
        range: d.nameRange,
        severity: 'error',
        code: 'cyclic-definition',
        message: `\`${name}\` depends on itself: ${shownPath(path)}`,
      });
    }
  }
  return result;
}

/**
 * The cycles among the first definition of each name: Tarjan's strongly connected components,
 * iterative and on integer ids with the edges in flat arrays (a notebook has thousands of
 * definitions; this runs whenever a name or reference changes).
 */
function cycles(definitions: Map<string, DefinitionInfo[]>): string[][] {
  const names: string[] = [];
  const firsts: DefinitionInfo[] = [];
  const id = new Map<string, number>();
  let edgeCount = 0;
  for (const [name, infos] of definitions) {
    id.set(name, names.length);
    names.push(name);
    firsts.push(infos[0]);
    edgeCount += infos[0].dependencies.length;
  }
  const n = names.length;
  // The edges of `v` are targets[firstEdge[v] .. firstEdge[v + 1]).
  const firstEdge = new Int32Array(n + 1);
  const targets = new Int32Array(edgeCount);
  let e = 0;
  for (let v = 0; v < n; v++) {
    firstEdge[v] = e;
    for (const dependency of firsts[v].dependencies) {
      const target = id.get(dependency);
      if (target !== undefined) targets[e++] = target;
    }
  }
  firstEdge[n] = e;
  const namesItself = (v: number) => {
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
        // The component is the stack from `v` up. Only cycles are kept: several members, or one that names itself.
        const from = stack.lastIndexOf(v);
        if (from < stack.length - 1 || namesItself(v)) components.push(stack.slice(from).map((w) => names[w]));
        for (let k = from; k < stack.length; k++) onStack[stack[k]] = 0;
        stack.length = from;
      }
    }
  }
  return components;
}

/** Names shown at each end of a long cycle's path; a message names at most twice as many. */
const CYCLE_ENDS_SHOWN = 4;

/** A cycle's path for a message: the whole path when short, else its ends around a count. */
function shownPath(path: string[]): string {
  if (path.length <= 2 * CYCLE_ENDS_SHOWN + 1) return path.join(' → ');
  const hidden = path.length - 2 * CYCLE_ENDS_SHOWN;
  return [
    ...path.slice(0, CYCLE_ENDS_SHOWN),
    `… ${hidden.toLocaleString('en-US')} more …`,
    ...path.slice(-CYCLE_ENDS_SHOWN),
  ].join(' → ');
}

/**
 * Up to this many members each cycle's message shows the shortest path back (a search per
 * member); larger components, which only generated notebooks have, use `walksThroughRoot`.
 */
const SHORTEST_PATHS_UP_TO = 64;

/** The shortest path from `start` back to itself inside the cycle's members. */
function cyclePath(start: string, members: Set<string>, definitions: Map<string, DefinitionInfo[]>): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head];
    for (const next of definitions.get(current)![0].dependencies) {
      if (!members.has(next)) continue;
      if (next === start) return [start, ...pathFromParents(parent, start, current), start];
      if (!parent.has(next)) {
        parent.set(next, current);
        queue.push(next);
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

/**
 * For a large component, each member's path is a walk through one root: member ⇝ root along a
 * search towards the root, then root ⇝ member along a search from it. Two searches for the whole
 * component instead of one per member (a 2,320-definition cycle took seconds).
 */
function walksThroughRoot(
  component: string[],
  members: Set<string>,
  definitions: Map<string, DefinitionInfo[]>,
): (name: string) => string[] {
  const root = component[0];
  const inside = (name: string) => definitions.get(name)![0].dependencies.filter((d) => members.has(d));
  const readers = new Map<string, string[]>();
  for (const name of component) for (const d of inside(name)) readers.set(d, [...(readers.get(d) ?? []), name]);
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
