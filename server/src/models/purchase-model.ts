// One interface over the fitted purchase models, so CLV, tracking curves and the kernel treat
// BG/NBD, MBG/NBD, Pareto/NBD and BG/BB alike. Time is in the units of the summary the model
// was fitted on (opportunities for BG/BB).
import type { History } from './history';
import {
  bgnbdConditionalExpected,
  bgnbdExpected,
  bgnbdPAlive,
  bgnbdPAliveAfter,
  bgnbdPNoPurchase,
} from './bgnbd/predict';
import type { BgNbdParams } from './bgnbd/likelihood';
import {
  mbgnbdConditionalExpected,
  mbgnbdExpected,
  mbgnbdPAlive,
  mbgnbdPAliveAfter,
  mbgnbdPNoPurchase,
} from './mbgnbd/predict';
import type { MbgNbdParams } from './mbgnbd/likelihood';
import {
  paretoConditionalExpected,
  paretoExpected,
  paretoPAlive,
  paretoPAliveAfter,
  paretoPNoPurchase,
} from './pnbd/predict';
import type { ParetoNbdParams } from './pnbd/likelihood';
import { bgbbConditionalExpected, bgbbExpected, bgbbPAlive, bgbbPAliveAfter, bgbbPNoPurchase } from './bgbb/predict';
import type { BgBbParams } from './bgbb/likelihood';

export interface PurchaseModel {
  kind: 'bgnbd' | 'mbgnbd' | 'pareto_nbd' | 'bgbb';
  /** P(alive | history) at the end of calibration. */
  pAlive(h: History): Float64Array;
  /** Expected repeat purchases in the next `t` units given each history. */
  conditionalExpected(t: number, h: History): Float64Array;
  /** E[X(t)]: expected repeat purchases of a new customer `t` units after the first purchase. */
  expected(t: number): number;
  /** P(alive `t` units after the end of calibration | history). */
  pAliveAfter(t: number, h: History): Float64Array;
  /** P(no purchase in the next `t` units | history). */
  pNoPurchase(t: number, h: History): Float64Array;
}

export const bgnbdModel = (p: BgNbdParams): PurchaseModel => ({
  kind: 'bgnbd',
  pAlive: (h) => bgnbdPAlive(p, h),
  conditionalExpected: (t, h) => bgnbdConditionalExpected(p, t, h),
  expected: (t) => bgnbdExpected(p, t),
  pAliveAfter: (t, h) => bgnbdPAliveAfter(p, t, h),
  pNoPurchase: (t, h) => bgnbdPNoPurchase(p, t, h),
});
export const mbgnbdModel = (p: MbgNbdParams): PurchaseModel => ({
  kind: 'mbgnbd',
  pAlive: (h) => mbgnbdPAlive(p, h),
  conditionalExpected: (t, h) => mbgnbdConditionalExpected(p, t, h),
  expected: (t) => mbgnbdExpected(p, t),
  pAliveAfter: (t, h) => mbgnbdPAliveAfter(p, t, h),
  pNoPurchase: (t, h) => mbgnbdPNoPurchase(p, t, h),
});
export const paretoNbdModel = (p: ParetoNbdParams): PurchaseModel => ({
  kind: 'pareto_nbd',
  pAlive: (h) => paretoPAlive(p, h),
  conditionalExpected: (t, h) => paretoConditionalExpected(p, t, h),
  expected: (t) => paretoExpected(p, t),
  pAliveAfter: (t, h) => paretoPAliveAfter(p, t, h),
  pNoPurchase: (t, h) => paretoPNoPurchase(p, t, h),
});
/** BG/BB: history recency = t_x and T = n in opportunities; `t` counts future opportunities (whole numbers). */
export const bgbbModel = (p: BgBbParams): PurchaseModel => ({
  kind: 'bgbb',
  pAlive: (h) => bgbbPAlive(p, h),
  conditionalExpected: (t, h) => bgbbConditionalExpected(p, t, h),
  expected: (t) => bgbbExpected(p, t),
  pAliveAfter: (t, h) => bgbbPAliveAfter(p, t, h),
  pNoPurchase: (t, h) => bgbbPNoPurchase(p, t, h),
});
