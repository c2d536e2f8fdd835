// Interrupting long computations. A fit on millions of customer histories can spend seconds in
// one likelihood pass, so the library's long loops call a `Pulse` every PULSE_STRIDE iterations
// (well under a millisecond of work). The caller decides what a pulse does: the kernel asks
// whether the run was interrupted and, if so, throws `Abandoned`, which the library lets
// through (it never mistakes it for a numerical failure of the likelihood).
export type Pulse = () => void;

/** Loop iterations between two pulses. A power of two: `(i & PULSE_MASK) === 0` picks them. */
export const PULSE_STRIDE = 4096;
export const PULSE_MASK = PULSE_STRIDE - 1;

/** Thrown by a pulse to abandon the computation; passes through every catch in the library. */
export class Abandoned extends Error {
  constructor(message = 'interrupted') {
    super(message);
    this.name = 'Abandoned';
  }
}
