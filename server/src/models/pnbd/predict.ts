// Pareto/NBD predictions: P(alive) and conditional expectation from Schmittlein, Morrison &
// Colombo (1987) as restated in Fader, Hardie & Lee (2005, "A note on implementing the Pareto/NBD
// model in MATLAB"), using the same log-space A0 as the likelihood.
import type { History } from '../history';
import { paretoLogA0, type ParetoNbdParams } from './likelihood';
import { gammaln, gaussLegendre } from '../special';

function pAliveOne(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const lnOdds =
    Math.log(s) -
    Math.log(r + s + x) +
    (r + x) * Math.log(alpha + T) +
    s * Math.log(beta + T) +
    paretoLogA0(r, alpha, s, beta, x, tx, T);
  return 1 / (1 + Math.exp(lnOdds));
}

export function paretoPAlive(p: ParetoNbdParams, h: History): Float64Array {
  return Float64Array.from({ length: h.frequency.length }, (_, i) =>
    pAliveOne(p, h.frequency[i], h.recency[i], h.T[i]),
  );
}

/** Expected purchases in the next t units of one alive at T after x repeat purchases (below, without P(alive)). */
export function paretoExpectedIfAlive(p: ParetoNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, s, beta } = p;
  // (1 - u^(s-1))/(s-1) → -ln u as s → 1: expm1/log1p keep it accurate there.
  const lnU = Math.log((beta + T) / (beta + T + t));
  const shrink = Math.abs(s - 1) < 1e-8 ? -lnU : -Math.expm1((s - 1) * lnU) / (s - 1);
  return (((r + x) * (beta + T)) / (alpha + T)) * shrink;
}

/** E[Y(t) | x, t_x, T] = (r+x)(β+T)/((α+T)(s-1)) [1 - ((β+T)/(β+T+t))^(s-1)] · P(alive). */
export function paretoConditionalExpected(p: ParetoNbdParams, t: number, h: History): Float64Array {
  const out = new Float64Array(h.frequency.length);
  for (let i = 0; i < out.length; i++) {
    const x = h.frequency[i],
      T = h.T[i];
    out[i] = paretoExpectedIfAlive(p, t, x, T) * pAliveOne(p, x, h.recency[i], T);
  }
  return out;
}

/** E[X(t)] for a new customer: rβ/(α(s-1)) [1 - (β/(β+t))^(s-1)]. */
export function paretoExpected(p: ParetoNbdParams, t: number): number {
  const lnU = Math.log(p.beta / (p.beta + t));
  const shrink = Math.abs(p.s - 1) < 1e-8 ? -lnU : -Math.expm1((p.s - 1) * lnU) / (p.s - 1);
  return ((p.r * p.beta) / p.alpha) * shrink;
}

/**
 * P(alive at T + t | x, t_x, T) = P(alive) ((β+T)/(β+T+t))^s: an alive customer's drop-out
 * rate has the posterior Gamma(s, β+T), and survives t more units with E[e^{-μt}].
 */
export function paretoPAliveAfter(p: ParetoNbdParams, t: number, h: History): Float64Array {
  const out = paretoPAlive(p, h);
  for (let i = 0; i < out.length; i++) out[i] *= Math.pow((p.beta + h.T[i]) / (p.beta + h.T[i] + t), p.s);
  return out;
}

/**
 * P(n purchases in the next t units) of a customer alive now whose purchase rate is
 * Gamma(r, α) and drop-out rate Gamma(s, β) (a new customer; given a history, the posterior
 * r+x, α+T, β+T): alive throughout with n purchases, or dropping out at τ ≤ t after n:
 *   NB(n; t) (β/(β+t))^s + ∫_0^t (s/β) (β/(β+τ))^(s+1) NB(n; τ) dτ,
 * NB(n; τ) = Γ(r+n)/(Γ(r) n!) (α/(α+τ))^r (τ/(α+τ))^n. The integral, in w = ln(1 + τ/β)
 * (dτ = (β+τ) dw), has the smooth integrand s (β/(β+τ))^s NB(n; τ): Gauss–Legendre.
 */
function probabilityIfAlive(r: number, alpha: number, s: number, beta: number, t: number, n: number): number {
  const lnC = gammaln(r + n) - gammaln(r) - gammaln(n + 1);
  const lnNb = (tau: number) =>
    lnC + r * Math.log(alpha / (alpha + tau)) + (n === 0 ? 0 : n * Math.log(tau / (alpha + tau)));
  const survive = Math.exp(lnNb(t) + s * Math.log(beta / (beta + t)));
  const dropped = gaussLegendre(
    (w) => {
      const tau = beta * Math.expm1(w);
      return s * Math.exp(-s * w + lnNb(tau));
    },
    0,
    Math.log1p(t / beta),
  );
  return survive + dropped;
}

/** P(X(t) = n) for a new customer (purchases in the first t units after the first purchase). */
export function paretoProbability(p: ParetoNbdParams, t: number, n: number): number {
  return probabilityIfAlive(p.r, p.alpha, p.s, p.beta, t, n);
}

/** P(no purchase in (T, T+t] | x, t_x, T) = 1 - P(alive) + P(alive) P(0 purchases | alive, posterior). */
export function paretoPNoPurchase(p: ParetoNbdParams, t: number, h: History): Float64Array {
  const out = paretoPAlive(p, h);
  for (let i = 0; i < out.length; i++) {
    const x = h.frequency[i],
      T = h.T[i];
    out[i] = 1 - out[i] + out[i] * probabilityIfAlive(p.r + x, p.alpha + T, p.s, p.beta + T, t, 0);
  }
  return out;
}
