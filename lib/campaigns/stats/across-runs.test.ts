import { describe, expect, it } from "vitest";
import { acrossRuns } from "./across-runs";

const run = (id: string, occurrence: number) => ({
  id,
  occurrence,
  scheduledFor: new Date(Date.UTC(2027, 0, occurrence)),
  status: "completed",
  audienceCount: 10,
});
const figures = (runId: string, treatment: number | null, sent: number, opened: number) => ({
  runId,
  treatment,
  sent,
  delivered: sent,
  opened,
  clicked: 0,
  unsubscribed: 0,
});

describe("acrossRuns", () => {
  it("adds each run's treatments up, in occurrence order, and each treatment's runs", () => {
    const r = acrossRuns(
      [run("b", 2), run("a", 1), run("c", 3)],
      [figures("a", 0, 4, 2), figures("a", 1, 5, 1), figures("b", 0, 3, 3), figures("x", 0, 99, 9)],
      [
        { runId: "a", treatment: 0, audience: 4, assigned: 4, converted: 1 },
        { runId: "a", treatment: null, audience: 1, assigned: 1, converted: 1 },
        { runId: "b", treatment: 0, audience: 3, assigned: 2, converted: 2 },
      ],
      true,
    );
    // Run c is not in the rollup yet: zeros, not a gap; run x is not this campaign's.
    expect(r.runs.map((x) => [x.occurrence, x.sent, x.opened, x.conversions])).toEqual([
      [1, 9, 3, 1],
      [2, 3, 3, 2],
      [3, 0, 0, 0],
    ]);
    expect(r.totals).toMatchObject({ audience: 30, sent: 12, opened: 6, conversions: 3 });
    expect(r.byTreatment).toEqual([
      { treatment: 0, audience: 7, sent: 7, delivered: 7, opened: 5, clicked: 0, unsubscribed: 0 },
      { treatment: 1, audience: 0, sent: 5, delivered: 5, opened: 1, clicked: 0, unsubscribed: 0 },
      {
        treatment: null,
        audience: 1,
        ...{ sent: 0, delivered: 0, opened: 0, clicked: 0, unsubscribed: 0 },
      },
    ]);
    expect(r.conversionsByGroup).toEqual([
      { treatment: 0, assigned: 6, converted: 3 },
      { treatment: null, assigned: 1, converted: 1 },
    ]);
  });

  it("has no conversions without a conversion event", () => {
    const r = acrossRuns([run("a", 1)], [figures("a", 0, 1, 1)], [], false);
    expect(r.runs[0]!.conversions).toBeNull();
    expect(r.totals.conversions).toBeNull();
  });
});
