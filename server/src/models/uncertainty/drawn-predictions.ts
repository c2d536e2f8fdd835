// Predictions of many parameter draws on unique (x, t_x, T) patterns, for the bootstrap. As in
// the likelihoods, whatever depends on one coordinate is computed once per distinct value and
// draw: tables hold, per distinct x, t_x, T (or (x, T) pair), the value of every draw side by
// side, so the per-pattern loop over draws reads contiguous memory and costs one exp.
// Expected purchases are P(alive | x, t_x, T) × E[purchases | alive, x, T]; the second factor,
// the costly one (2F1), is tabled per distinct (x, T) pair and draw.
import type { Patterns } from '../summary/patterns';
import { uniqueRows } from '../summary/unique-rows';
import { logSubExp } from '../special';
import { bgnbdExpectedIfAlive } from '../bgnbd/predict';
import { mbgnbdExpectedIfAlive } from '../mbgnbd/predict';
import { paretoExpectedIfAlive } from '../pnbd/predict';
import { fPairs, paretoLnF } from '../pnbd/likelihood';
import type { ExpectationSchedule } from '../value/clv';

/** The models whose draws are tabled; the others are evaluated draw by draw. */
export type TabledKind = 'bgnbd' | 'mbgnbd' | 'pareto_nbd';

/** Writes every draw's value on patterns [start, end) to out[(k − start) × draws + d]. */
export type DrawnPrediction = (start: number, end: number, out: Float64Array) => void;

/** values[i × D + d] = f(values[i], draw d). */
function table(values: Float64Array, draws: Float64Array[], f: (v: number, theta: Float64Array) => number) {
  const D = draws.length;
  const out = new Float64Array(values.length * D);
  for (let i = 0; i < values.length; i++) for (let d = 0; d < D; d++) out[i * D + d] = f(values[i], draws[d]);
  return out;
}

/**
 * BG/NBD and MBG/NBD: P(alive) = 1 / (1 + odds), odds = ratio(x) ((α+T)/(α+t_x))^(r+x), with ln
 * ratio = ln a − ln(b+x−1) for BG/NBD (no odds at x = 0) and ln a − ln(b+x) for MBG/NBD.
 * Patterns come sorted by x, so the odds are split into powers tabled per x: A(T) = ratio(x)
 * ((α+T)/c)^(r+x) and B(t_x) = (c/(α+t_x))^(r+x), c = α + the middle age, each filled once per
 * value the x's patterns use. A pattern's draw then costs a product, not an exp; where a power
 * leaves the range a product keeps exactly, the odds are formed in log space instead.
 */
function nbdAlive(kind: 'bgnbd' | 'mbgnbd', draws: Float64Array[], p: Patterns): DrawnPrediction {
  const D = draws.length;
  const lnRatio = table(p.distinctX, draws, (x, [, , a, b]) =>
    kind === 'mbgnbd' ? Math.log(a) - Math.log(b + x) : x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity,
  );
  const lnT = table(p.distinctT, draws, (T, [, alpha]) => Math.log(alpha + T));
  const lnTx = table(p.distinctTx, draws, (tx, [, alpha]) => Math.log(alpha + tx));
  const middle = p.distinctT.length ? p.distinctT[p.distinctT.length >> 1] : 0;
  const lnC = Float64Array.from(draws, ([, alpha]) => Math.log(alpha + middle));
  const A = new Float64Array(p.distinctT.length * D),
    B = new Float64Array(p.distinctTx.length * D);
  // The x each table row was last filled for (-1: none).
  const filledA = new Int32Array(p.distinctT.length).fill(-1),
    filledB = new Int32Array(p.distinctTx.length).fill(-1);
  return (start, end, out) => {
    for (let k = start; k < end; k++) {
      const xi = p.xIndex[k],
        x = p.distinctX[xi],
        Ti = p.TIndex[k],
        txi = p.txIndex[k];
      const o = (k - start) * D,
        xo = xi * D,
        To = Ti * D,
        txo = txi * D;
      if (filledA[Ti] !== xi) {
        for (let d = 0; d < D; d++) A[To + d] = Math.exp(lnRatio[xo + d] + (draws[d][0] + x) * (lnT[To + d] - lnC[d]));
        filledA[Ti] = xi;
      }
      if (filledB[txi] !== xi) {
        for (let d = 0; d < D; d++) B[txo + d] = Math.exp((draws[d][0] + x) * (lnC[d] - lnTx[txo + d]));
        filledB[txi] = xi;
      }
      for (let d = 0; d < D; d++) {
        const a = A[To + d],
          b = B[txo + d];
        out[o + d] =
          a > 1e-300 && a < 1e300 && b > 1e-300 && b < 1e300
            ? 1 / (1 + a * b)
            : 1 / (1 + Math.exp(lnRatio[xo + d] + (draws[d][0] + x) * (lnT[To + d] - lnTx[txo + d])));
      }
    }
  };
}

/** Pareto/NBD: ln odds = ln s − ln(r+s+x) + (r+x) ln(α+T) + s ln(β+T) + ln A0, A0 from F per (x, y) pair. */
function paretoAlive(draws: Float64Array[], p: Patterns): DrawnPrediction {
  const D = draws.length;
  const lead = table(p.distinctX, draws, (x, [r, , s]) => Math.log(s) - Math.log(r + s + x));
  const rx = table(p.distinctX, draws, (x, [r]) => r + x);
  const lnAlphaT = table(p.distinctT, draws, (T, [, alpha]) => Math.log(alpha + T));
  const sLnBetaT = table(p.distinctT, draws, (T, [, , s, beta]) => s * Math.log(beta + T));
  const pairs = fPairs(p);
  const lnF = new Float64Array(pairs.x.length * D);
  for (let i = 0; i < pairs.x.length; i++)
    for (let d = 0; d < D; d++) {
      const [r, alpha, s, beta] = draws[d];
      lnF[i * D + d] = paretoLnF(r, alpha, s, beta, pairs.x[i], pairs.y[i]);
    }
  return (start, end, out) => {
    for (let k = start; k < end; k++) {
      const o = (k - start) * D,
        xo = p.xIndex[k] * D,
        To = p.TIndex[k] * D,
        fTx = pairs.ofTx[k] * D,
        fT = pairs.ofT[k] * D;
      for (let d = 0; d < D; d++) {
        const lnOdds =
          lead[xo + d] + rx[xo + d] * lnAlphaT[To + d] + sLnBetaT[To + d] + logSubExp(lnF[fTx + d], lnF[fT + d]);
        out[o + d] = 1 / (1 + Math.exp(lnOdds));
      }
    }
  };
}

/**
 * E[purchases in the next t | alive, x, T] for the parameters of one draw (r, α, then a, b or s,
 * β): the draw's parameter object is made once, not per call.
 */
const IF_ALIVE: Record<TabledKind, (theta: Float64Array) => (t: number, x: number, T: number) => number> = {
  bgnbd: ([r, alpha, a, b]) => {
    const p = { r, alpha, a, b };
    return (t, x, T) => bgnbdExpectedIfAlive(p, t, x, T);
  },
  mbgnbd: ([r, alpha, a, b]) => {
    const p = { r, alpha, a, b };
    return (t, x, T) => mbgnbdExpectedIfAlive(p, t, x, T);
  },
  pareto_nbd: ([r, alpha, s, beta]) => {
    const p = { r, alpha, s, beta };
    return (t, x, T) => paretoExpectedIfAlive(p, t, x, T);
  },
};

/** P(alive | x, t_x, T) of every draw (parameters in the model's order) on the patterns. */
export function drawnPAlive(kind: TabledKind, draws: Float64Array[], p: Patterns): DrawnPrediction {
  return kind === 'pareto_nbd' ? paretoAlive(draws, p) : nbdAlive(kind, draws, p);
}

/**
 * Expected purchases under `schedule` (a horizon, or a discounted sum over periods) of every
 * draw on the patterns: P(alive) times the tabled E[· | alive] of the pattern's (x, T).
 */
export function drawnExpected(
  kind: TabledKind,
  draws: Float64Array[],
  p: Patterns,
  schedule: ExpectationSchedule,
): DrawnPrediction {
  const D = draws.length;
  const alive = drawnPAlive(kind, draws, p);
  const pairs = uniqueRows([p.x, p.T]);
  const [x, T] = pairs.columns;
  const ifAlive = draws.map(IF_ALIVE[kind]);
  const factor = new Float64Array(x.length * D);
  const { times, factors } = schedule;
  for (let i = 0; i < x.length; i++)
    for (let d = 0; d < D; d++) {
      let value = 0,
        previous = 0;
      for (let j = 0; j < times.length; j++) {
        const cumulative = ifAlive[d](times[j], x[i], T[i]);
        value += (cumulative - previous) * factors[j];
        previous = cumulative;
      }
      factor[i * D + d] = value;
    }
  return (start, end, out) => {
    alive(start, end, out);
    for (let k = start; k < end; k++) {
      const o = (k - start) * D,
        fo = pairs.of[k] * D;
      for (let d = 0; d < D; d++) out[o + d] *= factor[fo + d];
    }
  };
}
