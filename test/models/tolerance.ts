// Tolerances for comparing with published numbers. A value printed with k decimals is matched
// when it agrees after rounding (|ours - published| <= half a unit of its last printed digit).
// When a source computed its predictions at parameters it printed rounded, the prediction is
// only determined up to that rounding: `roundingSpread` measures it by evaluating at every corner
// of the box of parameters that round to the printed ones.
import assert from 'node:assert/strict';

export function decimalsOf(printed: number): number {
  const s = String(printed);
  if (s.includes('e')) {
    const [mant, exp] = s.split('e');
    return (mant.split('.')[1]?.length ?? 0) - Number(exp);
  }
  return s.split('.')[1]?.length ?? 0;
}

/** Asserts agreement to the printed precision of `published`, plus an optional extra allowance. */
export function assertPrinted(ours: number, published: number, label: string, extra = 0): void {
  const half = 0.5 * Math.pow(10, -decimalsOf(published));
  assert.ok(Number.isFinite(ours), `${label}: not finite (${ours})`);
  assert.ok(
    Math.abs(ours - published) <= half * (1 + 1e-9) + extra,
    `${label}: ours ${ours} vs published ${published} (allowed ${half + extra})`,
  );
}

/** Largest change of f over all parameter vectors that print like `printed`. */
export function roundingSpread(f: (params: number[]) => number, printed: number[]): number {
  const center = f(printed);
  let spread = 0;
  for (let mask = 0; mask < 1 << printed.length; mask++) {
    const corner = printed.map((v, i) => v + ((mask >> i) & 1 ? 0.5 : -0.5) * Math.pow(10, -decimalsOf(v)));
    spread = Math.max(spread, Math.abs(f(corner) - center));
  }
  return spread;
}
