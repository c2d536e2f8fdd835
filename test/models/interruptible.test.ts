// The library's long computations stay interruptible: the sort behind pattern grouping equals
// the built-in sort and calls its checkpoint while it merges; the summary checkpoints inside its
// passes over the rows, before any customer is summarised; a pulse that throws `Abandoned`
// stops a fit (inside a likelihood pass, not only between iterations) instead of being taken
// for a numerical failure.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as M from '../../server/src/models';
import { sortedIndices } from '../../server/src/models/summary/sorted-indices';

describe('interruptible computations', () => {
  it('sorts indices as the built-in stable sort does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 7000 }), (values) => {
        const byValue = (a: number, b: number) => values[a] - values[b];
        const expected = values.map((_, i) => i).sort(byValue);
        assert.deepEqual([...sortedIndices(values.length, byValue)], expected);
      }),
      { numRuns: 50 },
    );
  });

  it('summarising calls its checkpoint inside each pass over the rows, and a throw there stops it', () => {
    // A million rows: 250,000 customers, four purchases each.
    const rows = 1_000_000;
    const log = {
      customerIds: Array.from({ length: rows / 4 }, (_, c) => `c${c}`),
      customer: Int32Array.from({ length: rows }, (_, i) => i >> 2),
      time: Float64Array.from({ length: rows }, (_, i) => 18_000 + (i % 4) * 30 + (i % 7)),
      amount: Float64Array.from({ length: rows }, (_, i) => 10 + (i % 13)),
      rows,
    };
    const fractions: number[] = [];
    const summary = M.summariseTransactions(log, { calibrationEnd: 18_200, checkpoint: (f) => fractions.push(f) });
    assert.equal(summary.customerIds.length, rows / 4);
    // Three passes over the rows (last day, counting, ordering), each in slices that start at
    // 65,536 rows and grow at most 4× a slice: at least three checkpoints each, before any customer.
    const beforeCustomers = fractions.findIndex((f) => f > 0);
    assert.ok(beforeCustomers >= 9, `${beforeCustomers} checkpoints before the first customer`);
    assert.ok(fractions.slice(0, beforeCustomers).every((f) => f === 0));
    let calls = 0;
    assert.throws(
      () =>
        M.summariseTransactions(log, {
          checkpoint: () => {
            if (++calls === 2) throw new M.Abandoned();
          },
        }),
      M.Abandoned,
    );
  });

  it('calls the sort checkpoint while merging, and a throw stops it', () => {
    const n = 100_000;
    const fractions: number[] = [];
    sortedIndices(
      n,
      (a, b) => ((a * 7919) % n) - ((b * 7919) % n),
      (f) => fractions.push(f),
    );
    assert.ok(fractions.length > n / M.PULSE_MASK, `${fractions.length} checkpoints`);
    assert.ok(fractions.every((f) => f >= 0 && f <= 1));
    assert.throws(
      () =>
        sortedIndices(
          n,
          (a, b) => a - b,
          () => {
            throw new M.Abandoned();
          },
        ),
      M.Abandoned,
    );
  });

  it('abandons a fit from inside a likelihood pass when the pulse throws', () => {
    const day0 = Date.UTC(2020, 0, 1) / 86_400_000;
    const log = M.generateTransactions({
      customers: 20_000,
      seed: 3,
      startDay: day0,
      acquisitionDays: 84,
      endDay: day0 + 545,
      model: { kind: 'bgnbd', r: 0.5, alpha: 5, a: 0.8, b: 2.5 },
    });
    const s = M.summariseTransactions(log, { calibrationEnd: day0 + 545 });
    const patterns = M.toPatterns(s.frequency, s.recency, s.T);
    assert.ok(patterns.count > M.PULSE_MASK, `${patterns.count} patterns, more than one pulse per pass`);
    let pulses = 0;
    let iterations = 0;
    assert.throws(
      () =>
        M.fitBgNbd(patterns, {
          checkpoint: () => iterations++,
          pulse: () => {
            // The first pulse of a pass comes at its first pattern, the second PULSE_STRIDE later.
            if (++pulses === 2) throw new M.Abandoned();
          },
        }),
      M.Abandoned,
    );
    // Stopped in the middle of the first pass over the patterns, before any iteration.
    assert.equal(pulses, 2);
    assert.equal(iterations, 0);
  });
});
