// The parameters each model estimates, in the order its fit returns them. The language's
// catalog reads these names (its descriptions are keyed by them), so a model's output, its
// hover and the library cannot disagree on what a parameter is called.
export const MODEL_PARAMETERS = {
  bgnbd: ['r', 'alpha', 'a', 'b'],
  mbgnbd: ['r', 'alpha', 'a', 'b'],
  pareto_nbd: ['r', 'alpha', 's', 'beta'],
  bgbb: ['alpha', 'beta', 'gamma', 'delta'],
  gamma_gamma: ['p', 'q', 'gamma'],
  sbg: ['alpha', 'beta'],
} as const;

export type ModelKind = keyof typeof MODEL_PARAMETERS;
