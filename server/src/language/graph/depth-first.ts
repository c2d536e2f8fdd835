// The one depth-first walk over "what a node reads", without recursion: a notebook may chain
// thousands of definitions (a generated one did: 2,320 in a cycle), and a recursive walk
// overflows the call stack long before that. The checker's facts and run order and the
// kernel's execution order all walk with it; only what happens on leaving a node differs.

export interface DepthFirstVisitor<T> {
  /** The nodes `node` reads, in visiting order. Return only nodes that exist. */
  dependencies(node: T): Iterable<T>;
  /** Called once per node, after each of its dependencies was left or found on the path. */
  leave(node: T): void;
}

/** Walks from roots in turn; a node is visited once across all walks of one instance. */
export class DepthFirst<T> {
  private readonly state = new Map<T, 'entered' | 'left'>();

  constructor(private readonly visitor: DepthFirstVisitor<T>) {}

  /**
   * Walks everything `root` reads, then `root`. Returns at once for a node already entered.
   * A dependency already on the path (a cycle) is not entered again, so on a cycle a node is
   * left before the node it reads that closed the cycle.
   */
  walk(root: T): void {
    if (this.state.has(root)) return;
    const path: T[] = [];
    const pending: Iterator<T>[] = [];
    const enter = (node: T) => {
      this.state.set(node, 'entered');
      path.push(node);
      pending.push(this.visitor.dependencies(node)[Symbol.iterator]());
    };
    enter(root);
    while (path.length) {
      const next = pending[pending.length - 1].next();
      if (!next.done) {
        if (!this.state.has(next.value)) enter(next.value);
        continue;
      }
      pending.pop();
      const node = path.pop()!;
      this.state.set(node, 'left');
      this.visitor.leave(node);
    }
  }
}

/**
 * Everything `roots` read, transitively, each node once and after what it reads; among
 * independent nodes the order of `roots`. (The kernel runs a request in this order.)
 */
export function dependenciesFirst<T>(roots: Iterable<T>, dependencies: (node: T) => Iterable<T>): T[] {
  const order: T[] = [];
  const walk = new DepthFirst<T>({ dependencies, leave: (node) => order.push(node) });
  for (const root of roots) walk.walk(root);
  return order;
}
