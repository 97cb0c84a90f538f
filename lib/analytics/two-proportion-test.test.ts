import { describe, expect, it } from "vitest";
import {
  normalCdf,
  twoProportionZTest,
  wilsonInterval,
  zForConfidence,
} from "./two-proportion-test";

describe("normalCdf / zForConfidence", () => {
  it("matches table values", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-1.645)).toBeCloseTo(0.05, 3);
    expect(zForConfidence(0.95)).toBeCloseTo(1.96, 2);
    expect(zForConfidence(0.99)).toBeCloseTo(2.576, 2);
  });
});

describe("wilsonInterval", () => {
  it("matches a textbook value (81/263 → 0.2553 – 0.3662 at 95%)", () => {
    const ci = wilsonInterval(81, 263);
    expect(ci.rate).toBeCloseTo(0.308, 3);
    expect(ci.low).toBeCloseTo(0.2553, 3);
    expect(ci.high).toBeCloseTo(0.3662, 3);
  });
  it("stays within [0, 1] at the edges and is empty with no trials", () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 10).high).toBeGreaterThan(0);
    expect(wilsonInterval(10, 10).high).toBeLessThanOrEqual(1);
    expect(wilsonInterval(0, 0)).toEqual({ rate: 0, low: 0, high: 0 });
  });
  it("narrows as the sample grows", () => {
    const small = wilsonInterval(10, 100);
    const big = wilsonInterval(1000, 10000);
    expect(big.high - big.low).toBeLessThan(small.high - small.low);
  });
});

describe("twoProportionZTest", () => {
  it("computes the pooled z and p of a known example", () => {
    // 200/1000 vs 250/1000: pooled 0.225, se = sqrt(.225*.775*.002) = 0.018675, z = 2.677
    const r = twoProportionZTest(
      { successes: 200, trials: 1000 },
      { successes: 250, trials: 1000 },
    );
    expect(r.z).toBeCloseTo(2.677, 2);
    expect(r.pValue).toBeCloseTo(0.0074, 3);
    expect(r.significant).toBe(true);
    expect(r.difference).toBeCloseTo(0.05, 10);
    expect(r.relativeLift).toBeCloseTo(0.25, 10);
  });
  it("is not significant for a small difference on small groups", () => {
    const r = twoProportionZTest({ successes: 10, trials: 100 }, { successes: 12, trials: 100 });
    expect(r.significant).toBe(false);
    expect(r.pValue).toBeGreaterThan(0.5);
  });
  it("is symmetric in sign", () => {
    const ab = twoProportionZTest({ successes: 30, trials: 100 }, { successes: 45, trials: 100 });
    const ba = twoProportionZTest({ successes: 45, trials: 100 }, { successes: 30, trials: 100 });
    expect(ab.z).toBeCloseTo(-ba.z, 10);
    expect(ab.pValue).toBeCloseTo(ba.pValue, 10);
  });
  it("has no verdict without trials or variance", () => {
    expect(
      twoProportionZTest({ successes: 0, trials: 0 }, { successes: 5, trials: 10 }),
    ).toMatchObject({ pValue: 1, significant: false });
    expect(
      twoProportionZTest({ successes: 0, trials: 50 }, { successes: 0, trials: 50 }),
    ).toMatchObject({ z: 0, pValue: 1, relativeLift: null });
  });
});
