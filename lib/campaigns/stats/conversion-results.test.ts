import { describe, expect, it } from "vitest";
import { conversionResults } from "./conversion-results";

describe("conversionResults", () => {
  it("tests each treatment against the holdout over every assigned contact", () => {
    const [a, b, holdout] = conversionResults(
      [
        { treatment: 0, assigned: 1000, converted: 120 },
        { treatment: 1, assigned: 1000, converted: 95 },
        { treatment: null, assigned: 1000, converted: 80 },
      ],
      ["A", "B"],
    );
    // 12 % against 8 %: z = 0.04 / sqrt(0.1 · 0.9 · 2/1000) = 2.981, p = 0.0029.
    expect(a!.vsHoldout!.lift).toBeCloseTo(0.04, 10);
    expect(a!.vsHoldout!.z).toBeCloseTo(2.9814, 3);
    expect(a!.vsHoldout!.pValue).toBeCloseTo(0.00287, 4);
    expect(a!.vsHoldout!.significant).toBe(true);
    expect(a!.relativeUplift).toBeCloseTo(0.5, 10);
    // 9.5 % against 8 %: not significant.
    expect(b!.vsHoldout!.significant).toBe(false);
    expect(holdout).toMatchObject({ label: "Holdout", rate: 0.08, vsHoldout: null });
    expect(holdout!.interval!.low).toBeLessThan(0.08);
  });

  it("has no test without a holdout, and no rate for an empty group", () => {
    const [a] = conversionResults([{ treatment: 0, assigned: 0, converted: 0 }], ["A"]);
    expect(a).toMatchObject({ rate: null, vsHoldout: null, relativeUplift: null });
  });
});
