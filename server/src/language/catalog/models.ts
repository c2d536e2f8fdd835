// The model kinds a `model` statement can call, with what data they fit on and the
// parameters they estimate (names as in the literature, for hover and the model summary).

/** What a model's argument must be. */
export type ModelInput = 'transactions' | 'cohorts';

export interface ModelParameterInfo {
  name: string;
  description: string;
}

/** purchase: predicts purchases and P(alive); spend: predicts spend; retention: contractual survival. */
export type ModelRole = 'purchase' | 'spend' | 'retention';

export interface ModelKindInfo {
  name: string;
  /** Display name, e.g. "BG/NBD". */
  title: string;
  role: ModelRole;
  input: ModelInput;
  /** Continuous time or discrete purchase opportunities. */
  time: 'continuous' | 'discrete';
  description: string;
  parameters: ModelParameterInfo[];
}

/** BG/NBD and MBG/NBD share their parameters' names and meanings. */
const BG_NBD_PARAMETERS: ModelParameterInfo[] = [
  { name: 'r', description: 'Shape of the gamma distribution of purchase rates.' },
  { name: 'alpha', description: 'Scale of the gamma distribution of purchase rates (in the time unit).' },
  { name: 'a', description: 'First shape of the beta distribution of the drop-out probability.' },
  { name: 'b', description: 'Second shape of the beta distribution of the drop-out probability.' },
];

export const MODEL_KINDS: readonly ModelKindInfo[] = [
  {
    name: 'bgnbd',
    title: 'BG/NBD',
    role: 'purchase',
    input: 'transactions',
    time: 'continuous',
    description:
      'Beta-geometric/NBD (Fader, Hardie & Lee 2005): Poisson purchases while alive, a chance of dropping out after each purchase.',
    parameters: BG_NBD_PARAMETERS,
  },
  {
    name: 'mbgnbd',
    title: 'MBG/NBD',
    role: 'purchase',
    input: 'transactions',
    time: 'continuous',
    description:
      'Modified BG/NBD (Batislam et al. 2007): like BG/NBD, but customers may also drop out right after their first purchase.',
    parameters: BG_NBD_PARAMETERS,
  },
  {
    name: 'pareto_nbd',
    title: 'Pareto/NBD',
    role: 'purchase',
    input: 'transactions',
    time: 'continuous',
    description:
      'Pareto/NBD (Schmittlein, Morrison & Colombo 1987): Poisson purchases and exponential lifetimes, both gamma-heterogeneous.',
    parameters: [
      { name: 'r', description: 'Shape of the gamma distribution of purchase rates.' },
      { name: 'alpha', description: 'Scale of the gamma distribution of purchase rates.' },
      { name: 's', description: 'Shape of the gamma distribution of drop-out rates.' },
      { name: 'beta', description: 'Scale of the gamma distribution of drop-out rates.' },
    ],
  },
  {
    name: 'bgbb',
    title: 'BG/BB',
    role: 'purchase',
    input: 'transactions',
    time: 'discrete',
    description:
      'Beta-geometric/beta-Bernoulli (Fader, Hardie & Shang 2010) for discrete purchase opportunities (e.g. yearly donations).',
    parameters: [
      { name: 'alpha', description: 'First shape of the beta distribution of the transaction probability.' },
      { name: 'beta', description: 'Second shape of the beta distribution of the transaction probability.' },
      { name: 'gamma', description: 'First shape of the beta distribution of the drop-out probability.' },
      { name: 'delta', description: 'Second shape of the beta distribution of the drop-out probability.' },
    ],
  },
  {
    name: 'gamma_gamma',
    title: 'Gamma-Gamma',
    role: 'spend',
    input: 'transactions',
    time: 'continuous',
    description:
      'Gamma-Gamma spend model (Fader, Hardie & Lee 2005): mean spend per customer, independent of purchase frequency.',
    parameters: [
      { name: 'p', description: 'Shape of the gamma distribution of spend per transaction.' },
      { name: 'q', description: 'Shape of the gamma distribution of the scale of spend across customers.' },
      { name: 'v', description: 'Scale of the gamma distribution of the scale of spend across customers.' },
    ],
  },
  {
    name: 'sbg',
    title: 'sBG',
    role: 'retention',
    input: 'cohorts',
    time: 'discrete',
    description: 'Shifted beta-geometric (Fader & Hardie 2007): contractual retention from cohort survivor counts.',
    parameters: [
      { name: 'alpha', description: 'First shape of the beta distribution of the churn probability.' },
      { name: 'beta', description: 'Second shape of the beta distribution of the churn probability.' },
    ],
  },
];

const byName = new Map(MODEL_KINDS.map((m) => [m.name, m]));

export function modelKindInfo(name: string): ModelKindInfo | undefined {
  return byName.get(name);
}
