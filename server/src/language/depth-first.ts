// The one depth-first walk over "what a definition reads", without recursion: a notebook may
// chain thousands of definitions (a generated one did: 2,320 in a cycle), and a recursive walk
// overflows the call stack long before that. The checker's facts and run order and the
// kernel's execution order all walk with it; only what happens on leaving a node differs.

export interface DepthFirstVisitor<T> {
  /** The nodes `node` reads, in visiting order. Return only nodes that exist. */
  dependencies(node: T): Iterable<T>;
  /** Called once per node, after each of its dependencies was left or found on the path. */
  leave(node: T): void;
  /** A dependency of the path's last node that is already on the path: a cycle. */
  cycle?(dependency: T, path: readonly T[]): void;
}

/** Walks from roots in turn; a node is visited once across all walks of one instance. */
export class DepthFirst<T> {
  private readonly state = new Map<T, 'entered' | 'left'>();

  constructor(private readonly visitor: DepthFirstVisitor<T>) {}

  /** Walks everything `root` reads, then `root`. Returns at once for a node already entered. */
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
        const state = this.state.get(next.value);
        if (state === undefined) enter(next.value);
        else if (state === 'entered') this.visitor.cycle?.(next.value, path);
        continue;
      }
      pending.pop();
      const node = path.pop()!;
      this.state.set(node, 'left');
      this.visitor.leave(node);
    }
  }
}
