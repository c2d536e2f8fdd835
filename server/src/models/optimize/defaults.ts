// What a fit does when its options leave a knob unset. The language's catalog quotes these as
// the `penalty`, `max_iterations` and `tolerance` defaults, so hover and docs say what runs.
export const FIT_DEFAULTS = {
  /** No L2 penalty. */
  penalty: 0,
  maxIterations: 500,
  /** Infinity norm of the per-customer objective's gradient on the log scale. */
  tolerance: 1e-7,
} as const;
