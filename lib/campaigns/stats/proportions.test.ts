import { describe, expect, it } from "vitest";
import { compareProportions, normalCdf, wilsonInterval } from "./proportions";

describe("wilsonInterval (95 %)", () => {
  it("matches published values", () => {
    // 0 of 10: [0, 0.2775]; 5 of 10: [0.2366, 0.7634] (Wilson 1927; Newcombe 1998, table I).
    expect(wilsonInterval(0, 10)!.low).toBe(0);
    expect(wilsonInterval(0, 10)!.high).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(5, 10)!.low).toBeCloseTo(0.2366, 4);
    expect(wilsonInterval(5, 10)!.high).toBeCloseTo(0.7634, 4);
    expect(wilsonInterval(81, 263)!.low).toBeCloseTo(0.2553, 4);
    expect(wilsonInterval(81, 263)!.high).toBeCloseTo(0.3662, 4);
  });

  it("stays inside [0, 1], contains the rate, narrows as the sample grows, and is null with no trials", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    const all = wilsonInterval(10, 10)!;
    expect(all.high).toBe(1);
    expect(all.low).toBeGreaterThan(0.69);
    for (const n of [1, 7, 50, 1000])
      for (const x of [0, Math.floor(n / 3), n]) {
        const w = wilsonInterval(x, n)!;
        expect(w.low).toBeGreaterThanOrEqual(0);
        expect(w.high).toBeLessThanOrEqual(1);
        expect(w.low).toBeLessThanOrEqual(x / n + 1e-12);
        expect(w.high).toBeGreaterThanOrEqual(x / n - 1e-12);
      }
    const small = wilsonInterval(10, 100)!;
    const large = wilsonInterval(1000, 10_000)!;
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });
});

describe("compareProportions (two-sided pooled z-test)", () => {
  it("matches known values", () => {
    // 25.0 % of 1,000 against 20.0 % of 1,000: z = 2.677, p = 0.0074.
    const r = compareProportions(
      { successes: 250, trials: 1000 },
      { successes: 200, trials: 1000 },
    )!;
    expect(r.lift).toBeCloseTo(0.05, 10);
    expect(r.z).toBeCloseTo(2.6774, 3);
    expect(r.pValue).toBeCloseTo(0.00742, 4);
    expect(r.significant).toBe(true);
    // 5.2 % against 5.0 %: p = 0.839, nothing to see.
    const flat = compareProportions(
      { successes: 52, trials: 1000 },
      { successes: 50, trials: 1000 },
    )!;
    expect(flat.pValue).toBeCloseTo(0.8389, 3);
    expect(flat.significant).toBe(false);
  });

  it("is symmetric, and null when there is nothing to test", () => {
    const a = compareProportions({ successes: 30, trials: 200 }, { successes: 12, trials: 180 })!;
    const b = compareProportions({ successes: 12, trials: 180 }, { successes: 30, trials: 200 })!;
    expect(a.pValue).toBeCloseTo(b.pValue, 12);
    expect(a.z).toBeCloseTo(-b.z, 12);
    expect(
      compareProportions({ successes: 0, trials: 0 }, { successes: 1, trials: 10 }),
    ).toBeNull();
    expect(
      compareProportions({ successes: 0, trials: 10 }, { successes: 0, trials: 10 }),
    ).toBeNull();
  });

  it("normalCdf is accurate to 1e-6", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655254, 6);
  });
});

describe("treatmentResults", () => {
  it("rates each treatment over delivered messages and tests it against the first", async () => {
    const { treatmentResults } = await import("./treatment-results");
    const row = (treatment: number | null, delivered: number, opened: number, clicked: number) => ({
      treatment,
      audience: delivered,
      sent: delivered,
      delivered,
      opened,
      clicked,
      unsubscribed: 0,
    });
    const r = treatmentResults(
      [row(0, 1000, 400, 200), row(1, 1000, 420, 250), row(null, 100, 0, 0)],
      ["A", "B"],
    );
    expect(r.holdout).toBe(100);
    const [a, b] = r.treatments;
    expect(a!.rates.clicked.rate).toBe(0.2);
    expect(a!.rates.clicked.vsControl).toBeNull();
    expect(b!.label).toBe("B");
    expect(b!.rates.clicked.vsControl!.pValue).toBeCloseTo(0.00742, 4);
    expect(b!.rates.clicked.interval!.low).toBeLessThan(0.25);
    expect(b!.rates.unsubscribed.vsControl).toBeNull();
  });
});
