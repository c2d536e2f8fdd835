// A synchronous computation (a fit) whose inputs arrive asynchronously (sums a SQL engine
// computes at each trial parameter). The computation asks for an input through `input`; one
// it does not have yet throws `Missing`, an `Abandoned` (so every catch in the library lets it
// through), the driver fetches it and runs the computation again from the start. The
// computation is deterministic, so each run retraces the same steps with the same numbers up to
// the new input: the result is exactly that of a run with every input at hand, after one fetch
// per distinct input (runs cost little next to a fetch: they repeat only the small work between).
import { Abandoned } from '../pulse';

class Missing<K> extends Abandoned {
  constructor(readonly key: K) {
    super('input not fetched yet');
  }
}

export async function replaying<K, V, R>(
  run: (input: (key: K) => V) => R,
  fetch: (key: K) => Promise<V>,
): Promise<{ result: R; fetches: number }> {
  const known = new Map<K, V>();
  const input = (key: K): V => {
    if (known.has(key)) return known.get(key)!;
    throw new Missing(key);
  };
  for (;;) {
    try {
      return { result: run(input), fetches: known.size };
    } catch (err) {
      if (!(err instanceof Missing)) throw err;
      known.set(err.key as K, await fetch(err.key as K));
    }
  }
}
