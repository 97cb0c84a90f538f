import { describe, expect, it } from "vitest";
import { vietnameseSummaryWords } from "@/lib/journeys/testing/vietnamese-summary-words";
import {
  journeyExperiments,
  journeyFunnel,
  messageFunnel,
  orderedSteps,
  stepLabel,
  ZDashboardPlan,
} from "./journey-results";

const plan = ZDashboardPlan.parse({
  entryStepId: "t",
  steps: {
    t: { kind: "trigger", config: {}, next: { next: "split" } },
    split: {
      kind: "ab_split",
      config: {
        variants: [
          { id: "A", label: "Plain", percent: 50 },
          { id: "B", label: "", percent: 50 },
        ],
      },
      next: { A: "mail_a", B: "mail_b" },
    },
    mail_a: { kind: "send", config: { channel: "email" }, next: { next: "hold" } },
    mail_b: { kind: "send", config: { channel: "email" }, next: { next: "hold" } },
    hold: { kind: "holdout", config: { percent: 10 }, next: { continue: "x" } },
    x: { kind: "exit", config: {}, next: {} },
  },
});

describe("orderedSteps", () => {
  it("walks from the trigger breadth-first, without trigger or exits", () => {
    expect(orderedSteps(plan)).toEqual(["split", "mail_a", "mail_b", "hold"]);
  });
});

describe("journeyFunnel", () => {
  it("counts contacts only: entered, each step, goal, with rates from the previous row and from entry", () => {
    const rows = journeyFunnel({
      plan,
      entered: 200,
      passedByNode: new Map([
        ["split", 200],
        ["mail_a", 100],
        ["mail_b", 90],
        ["hold", 180],
      ]),
      converted: 40,
    });
    expect(rows.map((r) => r.key)).toEqual([
      "entered",
      "node:split",
      "node:mail_a",
      "node:mail_b",
      "node:hold",
      "goal",
    ]);
    expect(rows[0]).toMatchObject({ count: 200, ofPrevious: null, ofEntered: null });
    expect(rows[1]).toMatchObject({ count: 200, ofPrevious: 1, ofEntered: 1 });
    expect(rows[2]).toMatchObject({
      // Published before steps had names: the default name, numbered apart, never the node id.
      label: "Email",
      count: 100,
      ofPrevious: 0.5,
      ofEntered: 0.5,
    });
    // After the split, each variant is a share of the split, not of its sibling's row above it;
    // the step both paths join is a share of the two together.
    expect(rows[3]).toMatchObject({ label: "Email (2)", count: 90, ofPrevious: 0.45 });
    expect(rows[4]).toMatchObject({ count: 180, ofPrevious: 180 / 190 });
    expect(rows.at(-1)).toMatchObject({ count: 40, ofPrevious: null, ofEntered: 0.2 });
  });
  it("has no rates after an empty row", () => {
    const rows = journeyFunnel({ plan, entered: 0, passedByNode: new Map(), converted: 0 });
    expect(rows.every((r) => r.ofPrevious === null && r.ofEntered === null)).toBe(true);
  });
});

describe("messageFunnel", () => {
  it("rates each stage of the journey's messages against the one before, never against contacts", () => {
    const rows = messageFunnel({ sent: 700, delivered: 680, opened: 340, clicked: 85 });
    expect(rows.map((r) => [r.key, r.count, r.rate, r.rateOf])).toEqual([
      ["sent", 700, null, null],
      ["delivered", 680, 680 / 700, "of sent"],
      ["opened", 340, 0.5, "of delivered"],
      ["clicked", 85, 0.25, "of opened"],
    ]);
    expect(
      messageFunnel({ sent: 0, delivered: 0, opened: 0, clicked: 0 }).map((r) => r.rate),
    ).toEqual([null, null, null, null]);
  });
});

describe("journeyExperiments", () => {
  it("tests each variant against the first and treated against held out", () => {
    const ex = journeyExperiments(plan, [
      { node_id: "split", outcome: "A", passed: 1000, converted: 200 },
      { node_id: "split", outcome: "B", passed: 1000, converted: 250 },
      { node_id: "hold", outcome: "held_out", passed: 100, converted: 10 },
      { node_id: "hold", outcome: "continue", passed: 900, converted: 180 },
    ]);
    expect(ex.map((e) => [e.nodeId, e.kind])).toEqual([
      ["split", "ab_split"],
      ["hold", "holdout"],
    ]);
    const [a, b] = ex[0]!.groups;
    expect(a).toMatchObject({
      id: "A",
      label: "Plain",
      entries: 1000,
      conversions: 200,
      test: null,
    });
    // A label the marketer typed is shown as typed; the fallback is worded by the dashboard.
    expect(a?.named).toBe(true);
    expect(b).toMatchObject({ label: "Variant B", named: false });
    expect(b?.test?.significant).toBe(true);
    expect(b?.test?.relativeLift).toBeCloseTo(0.25);
    const [held, treated] = ex[1]!.groups;
    expect([held?.named, treated?.named]).toEqual([false, false]);
    expect(held?.ci.rate).toBeCloseTo(0.1);
    expect(treated?.test?.relativeLift).toBeCloseTo(1);
  });
  it("reports empty groups without a verdict", () => {
    const [split] = journeyExperiments(plan, []);
    expect(split?.groups.map((g) => [g.entries, g.test?.significant ?? null])).toEqual([
      [0, null],
      [0, false],
    ]);
  });
});

describe("step labels in the viewer's language", () => {
  const words = vietnameseSummaryWords();
  const named = ZDashboardPlan.parse({
    entryStepId: "t",
    steps: {
      t: { kind: "trigger", config: {}, next: { next: "w" } },
      w: {
        kind: "wait",
        name: "Wait 2 days",
        config: { kind: "duration", amount: 2, unit: "days" },
        next: { next: "c" },
      },
      c: {
        kind: "wait",
        name: "Cool-off",
        config: { kind: "duration", amount: 1, unit: "days" },
        next: { next: "s" },
      },
      s: {
        kind: "ab_split",
        name: "A/B split 50/50",
        config: {
          variants: [
            { id: "A", percent: 50 },
            { id: "B", percent: 50 },
          ],
        },
        next: {},
      },
    },
  });

  it("words a default name Waymark stored at publish, keeps a typed one, and leaves exports as stored", () => {
    expect(stepLabel(named, "w", words)).toBe("Chờ 2 ngày");
    expect(stepLabel(named, "c", words)).toBe("Cool-off");
    expect(stepLabel(named, "w")).toBe("Wait 2 days");
    // The funnel and the experiments table take the same words.
    expect(
      journeyFunnel({ plan: named, entered: 3, passedByNode: new Map(), converted: 0, words }).map(
        (r) => r.label,
      ),
    ).toContain("Chờ 2 ngày");
    expect(journeyExperiments(named, [], words)[0]!.label).toBe(stepLabel(named, "s", words));
    expect(stepLabel(named, "s", words)).not.toBe("A/B split 50/50");
  });
});
