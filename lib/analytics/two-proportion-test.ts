/** The test named on the A/B page, so readers can check the method. */
export const TEST_NAME = "two-proportion z-test";

export type TProportion = { rate: number; low: number; high: number };

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 erf, |error| < 1.5e-7): enough for p-values shown to 3 places. */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** z for a two-sided confidence level (0.95 → 1.95996…), by bisection on normalCdf. */
export function zForConfidence(confidence: number): number {
  const target = 1 - (1 - confidence) / 2;
  let lo = 0;
  let hi = 10;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Wilson score interval: unlike the plain normal interval it stays inside [0, 1] and is honest
 * for small groups and rates near 0, which is where journey variants often sit.
 */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): TProportion {
  if (trials <= 0) return { rate: 0, low: 0, high: 0 };
  const z = zForConfidence(confidence);
  const p = successes / trials;
  const z2 = z * z;
  const denom = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denom;
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export type TTwoProportionResult = {
  z: number;
  pValue: number;
  significant: boolean;
  difference: number;
  relativeLift: number | null;
};

/**
 * Pooled two-proportion z-test of variant B against A (two-sided). With no trials or no variance
 * (both 0% or both 100%) there is nothing to tell apart: z 0, p 1.
 */
export function twoProportionZTest(
  a: { successes: number; trials: number },
  b: { successes: number; trials: number },
  alpha = 0.05,
): TTwoProportionResult {
  const pa = a.trials ? a.successes / a.trials : 0;
  const pb = b.trials ? b.successes / b.trials : 0;
  const difference = pb - pa;
  const relativeLift = pa > 0 ? difference / pa : null;
  if (!a.trials || !b.trials)
    return { z: 0, pValue: 1, significant: false, difference, relativeLift };
  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials));
  if (se === 0) return { z: 0, pValue: 1, significant: false, difference, relativeLift };
  const z = difference / se;
  const pValue = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  return { z, pValue, significant: pValue < alpha, difference, relativeLift };
}
