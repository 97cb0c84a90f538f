import { describe, expect, it } from "vitest";
import { edgeOutcomeLabel } from "./draft-handles";
import { roundedPath, routeEdge, type TPoint, type TRect } from "./route-edge";

const node = (id: string, x: number, y: number): TRect => ({ id, x, y, width: 260, height: 96 });
const bottom = (r: TRect, share = 0.5): TPoint => ({ x: r.x + r.width * share, y: r.y + r.height });
const top = (r: TRect): TPoint => ({ x: r.x + r.width / 2, y: r.y });

/** Whether any segment passes through the inside of `r` (its border is fine). */
function crosses(points: TPoint[], r: TRect): boolean {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    for (let k = 0; k <= 50; k++) {
      const x = a.x + ((b.x - a.x) * k) / 50;
      const y = a.y + ((b.y - a.y) * k) / 50;
      if (x > r.x && x < r.x + r.width && y > r.y && y < r.y + r.height) return true;
    }
  }
  return false;
}
const orthogonal = (p: TPoint[]) => p.slice(1).every((b, i) => b.x === p[i]!.x || b.y === p[i]!.y);

describe("routeEdge", () => {
  it("takes the plain step when nothing is in the way", () => {
    const a = node("a", 0, 0);
    const b = node("b", 300, 200);
    const p = routeEdge(bottom(a), top(b), [a, b], "a", "b");
    expect(p).toEqual([bottom(a), { x: 130, y: 148 }, { x: 430, y: 148 }, top(b)]);
  });

  it("runs a long edge around the nodes stacked between its ends (the 'Bought → Exit' case)", () => {
    const bought = node("bought", 0, 0);
    const wait = node("wait", 0, 200);
    const coupon = node("coupon", 0, 400);
    const exit = node("exit", 0, 600);
    const rects = [bought, wait, coupon, exit];
    const p = routeEdge(bottom(bought, 0.25), top(exit), rects, "bought", "exit");
    expect(p[0]).toEqual(bottom(bought, 0.25));
    expect(p.at(-1)).toEqual(top(exit));
    expect(orthogonal(p)).toBe(true);
    expect(crosses(p, wait)).toBe(false);
    expect(crosses(p, coupon)).toBe(false);
    // It keeps the margin: the lane is beside the column, not on its border.
    expect(Math.min(...p.map((q) => q.x))).toBeLessThanOrEqual(-16);
  });

  it("goes around its own ends when the target is above the source", () => {
    const a = node("a", 0, 400);
    const b = node("b", 0, 0);
    const p = routeEdge(bottom(a), top(b), [a, b], "a", "b");
    expect(crosses(p, a)).toBe(false);
    expect(crosses(p.slice(0, -1), b)).toBe(false);
    expect(orthogonal(p)).toBe(true);
  });

  it("falls back to the plain step when no route is clear", () => {
    const a = node("a", 0, 0);
    const b = node("b", 0, 400);
    // A row as wide as the canvas just above the target: every way in crosses it.
    const wall: TRect = { id: "wall", x: -5000, y: 250, width: 10000, height: 140 };
    const p = routeEdge(bottom(a), top(b), [a, b, wall], "a", "b");
    expect(p).toEqual([bottom(a), top(b)]);
  });
});

describe("roundedPath", () => {
  it("draws straight runs and rounded corners from the first point to the last", () => {
    const d = roundedPath([
      { x: 0, y: 0 },
      { x: 0, y: 50 },
      { x: 100, y: 50 },
      { x: 100, y: 120 },
    ]);
    expect(d).toBe("M 0,0 L 0,42 Q 0,50 8,50 L 92,50 Q 100,50 100,58 L 100,120");
  });
});

describe("edgeOutcomeLabel", () => {
  it("names the outcomes of branches, cases, variants and waits, and nothing else", () => {
    expect(edgeOutcomeLabel("branch", {}, "yes")).toBe("Yes");
    expect(edgeOutcomeLabel("wait_for_event", {}, "timed_out")).toBe("Timed out");
    const cases = { cases: [{ id: "case_1", label: "browsed, no order" }] };
    expect(edgeOutcomeLabel("multi_branch", cases, "case_1")).toBe("browsed, no order");
    expect(edgeOutcomeLabel("multi_branch", cases, "else")).toBe("Else");
    expect(edgeOutcomeLabel("ab_split", { variants: [{ id: "a", label: "A" }] }, "a")).toBe(
      "Variant A",
    );
    expect(edgeOutcomeLabel("send", {}, null)).toBeNull();
    expect(edgeOutcomeLabel("holdout", {}, "continue")).toBeNull();
  });
});
