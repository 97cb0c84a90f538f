/**
 * Statistics for campaign results, from counts (pure, no dependencies): the Wilson score interval
 * of a rate, and a two-sided two-proportion z-test of a treatment against the control.
 */

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

/**
 * The Wilson score interval of `successes` out of `trials`: unlike the normal approximation it
 * stays inside [0, 1] and is sensible for small counts and rates near 0 or 1. Null with no trials.
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  z = Z95,
): { low: number; high: number } | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denom = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denom;
  // At 0 and 100 % the bound is exactly 0 or 1; floating point would leave it a hair inside.
  return {
    low: successes <= 0 ? 0 : Math.max(0, centre - half),
    high: successes >= trials ? 1 : Math.min(1, centre + half),
  };
}

/** The standard normal CDF, through erf (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export type TComparison = {
  /** Treatment rate minus control rate. */
  lift: number;
  z: number;
  /** Two-sided p-value; significant below 0.05. */
  pValue: number;
  significant: boolean;
};

/**
 * Two-sided two-proportion z-test (pooled) of a treatment's rate against the control's. Null when
 * either group is empty or nobody (or everybody) in both converted: there is nothing to test.
 */
export function compareProportions(
  treatment: { successes: number; trials: number },
  control: { successes: number; trials: number },
  alpha = 0.05,
): TComparison | null {
  const { successes: x1, trials: n1 } = treatment;
  const { successes: x2, trials: n2 } = control;
  if (n1 <= 0 || n2 <= 0) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return null;
  const lift = x1 / n1 - x2 / n2;
  const z = lift / se;
  const pValue = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  return { lift, z, pValue, significant: pValue < alpha };
}
