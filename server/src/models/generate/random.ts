// Seeded random numbers for the synthetic-data generator: mulberry32 (small, fast, good enough
// for simulation, reproducible across platforms) and the distributions the BTYD stories need.

export type Random = () => number;

/** Uniform [0, 1) stream from a 32-bit seed (mulberry32). */
export function seededRandom(seed: number): Random {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function exponential(rand: Random, rate: number): number {
  return -Math.log(1 - rand()) / rate;
}

/** Standard normal draw. */
export function normal(rand: Random): number {
  // Box-Muller; 1 - u keeps the log finite.
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Gamma(shape, rate) by Marsaglia & Tsang (2000), with the shape < 1 boost u^(1/shape). */
export function gamma(rand: Random, shape: number, rate: number): number {
  if (shape < 1) return gamma(rand, shape + 1, rate) * Math.pow(1 - rand(), 1 / shape);
  const d = shape - 1 / 3,
    c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = normal(rand);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rand();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

export function beta(rand: Random, a: number, b: number): number {
  const x = gamma(rand, a, 1);
  return x / (x + gamma(rand, b, 1));
}
