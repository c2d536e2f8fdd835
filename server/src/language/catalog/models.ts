// The model kinds a `model` statement can call, with what data they fit on and the
// parameters they estimate. Parameter names are the models library's own (MODEL_PARAMETERS);
// this file only says what each means, for hover and the "Meaning" column of a model's output.
import { MODEL_PARAMETERS, type ModelKind } from '../../models/parameters';

export type { ModelKind };

/** What a model's argument must be. */
export type ModelInput = 'transactions' | 'cohorts';

export interface ModelParameterInfo {
  name: string;
  description: string;
}

/** purchase: predicts purchases and P(alive); spend: predicts spend; retention: contractual survival. */
export type ModelRole = 'purchase' | 'spend' | 'retention';

export interface ModelKindInfo {
  name: ModelKind;
  /** Display name, e.g. "BG/NBD". */
  title: string;
  role: ModelRole;
  input: ModelInput;
  /** Continuous time or discrete purchase opportunities. */
  time: 'continuous' | 'discrete';
  description: string;
  parameters: ModelParameterInfo[];
}

/** The meaning of every parameter the library estimates for `kind`, keyed by its name there. */
type Meanings<K extends ModelKind> = Record<(typeof MODEL_PARAMETERS)[K][number], string>;

/** `kind`'s parameters in the library's order, each with its meaning. */
function parameters<K extends ModelKind>(kind: K, meanings: Meanings<K>): ModelParameterInfo[] {
  return MODEL_PARAMETERS[kind].map((name: keyof Meanings<K>) => ({ name, description: meanings[name] }));
}

/** BG/NBD and MBG/NBD share their parameters' names and meanings. */
const BG_NBD_MEANINGS = {
  r: 'Shape of the gamma distribution of purchase rates.',
  alpha: 'Scale of the gamma distribution of purchase rates (in the time unit).',
  a: 'First shape of the beta distribution of the drop-out probability.',
  b: 'Second shape of the beta distribution of the drop-out probability.',
};

export const MODEL_KINDS: readonly ModelKindInfo[] = [
  {
    name: 'bgnbd',
    title: 'BG/NBD',
    role: 'purchase',
    input: 'transactions',
    time: 'continuous',
    description:
      'Beta-geometric/NBD (Fader, Hardie & Lee 2005): Poisson purchases while alive, a chance of dropping out after each purchase.',
    parameters: parameters('bgnbd', BG_NBD_MEANINGS),
  },
  {
    name: 'mbgnbd',
    title: 'MBG/NBD',
    role: 'purchase',
    input: 'transactions',
    time: 'continuous',
    description:
      'Modified BG/NBD (Batislam et al. 2007): like BG/NBD, but customers may also drop out right after their first purchase.',
    parameters: parameters('mbgnbd', BG_NBD_MEANINGS),
  },
  {
    name: 'pareto_nbd',
    title: 'Pareto/NBD',
    role: 'purchase',
    input: 'transactions',
    time: 'continuous',
    description:
      'Pareto/NBD (Schmittlein, Morrison & Colombo 1987): Poisson purchases and exponential lifetimes, both gamma-heterogeneous.',
    parameters: parameters('pareto_nbd', {
      r: 'Shape of the gamma distribution of purchase rates.',
      alpha: 'Scale of the gamma distribution of purchase rates.',
      s: 'Shape of the gamma distribution of drop-out rates.',
      beta: 'Scale of the gamma distribution of drop-out rates.',
    }),
  },
  {
    name: 'bgbb',
    title: 'BG/BB',
    role: 'purchase',
    input: 'transactions',
    time: 'discrete',
    description:
      'Beta-geometric/beta-Bernoulli (Fader, Hardie & Shang 2010) for discrete purchase opportunities (e.g. yearly donations).',
    parameters: parameters('bgbb', {
      alpha: 'First shape of the beta distribution of the transaction probability.',
      beta: 'Second shape of the beta distribution of the transaction probability.',
      gamma: 'First shape of the beta distribution of the drop-out probability.',
      delta: 'Second shape of the beta distribution of the drop-out probability.',
    }),
  },
  {
    name: 'gamma_gamma',
    title: 'Gamma-Gamma',
    role: 'spend',
    input: 'transactions',
    time: 'continuous',
    description:
      'Gamma-Gamma spend model (Fader, Hardie & Lee 2005): mean spend per customer, independent of purchase frequency.',
    parameters: parameters('gamma_gamma', {
      p: 'Shape of the gamma distribution of spend per transaction.',
      q: 'Shape of the gamma distribution of the scale of spend across customers.',
      gamma: 'Scale of the gamma distribution of the scale of spend across customers.',
    }),
  },
  {
    name: 'sbg',
    title: 'sBG',
    role: 'retention',
    input: 'cohorts',
    time: 'discrete',
    description: 'Shifted beta-geometric (Fader & Hardie 2007): contractual retention from cohort survivor counts.',
    parameters: parameters('sbg', {
      alpha: 'First shape of the beta distribution of the churn probability.',
      beta: 'Second shape of the beta distribution of the churn probability.',
    }),
  },
];

const byName = new Map<string, ModelKindInfo>(MODEL_KINDS.map((m) => [m.name, m]));

/** The kinds of model that play `role`. */
export function kindsOf(role: ModelRole): ModelKind[] {
  return MODEL_KINDS.filter((m) => m.role === role).map((m) => m.name);
}

export function modelKindInfo(name: string): ModelKindInfo | undefined {
  return byName.get(name);
}
