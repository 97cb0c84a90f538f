import { describe, expect, it, vi } from "vitest";
import { stepLabel, stepLabels, ZDashboardPlan } from "./journey-results";

// Counts how often the default names are worked out, to hold stepLabels to once per plan.
const { namings } = vi.hoisted(() => ({ namings: { count: 0 } }));
vi.mock("@/lib/journeys/canvas/step-name", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/journeys/canvas/step-name")>();
  return {
    ...real,
    uniqueStepNames: (...args: Parameters<typeof real.uniqueStepNames>) => {
      namings.count++;
      return real.uniqueStepNames(...args);
    },
  };
});

const wait = (days: number) => ({ kind: "duration", amount: days, unit: "days" });
const live = ZDashboardPlan.parse({
  entryStepId: "t",
  steps: {
    t: { kind: "trigger", config: {}, next: { next: "mail" } },
    mail: { kind: "send", config: { channel: "email" }, next: { next: "sms" } },
    sms: { kind: "send", config: { channel: "sms" }, next: { next: "x" } },
    x: { kind: "exit", config: {}, next: {} },
  },
});
// Version 2 had a named cool-off and an unnamed push; version 1 named the cool-off otherwise.
const v2 = ZDashboardPlan.parse({
  entryStepId: "t",
  steps: {
    t: { kind: "trigger", config: {}, next: { next: "cool" } },
    cool: { kind: "wait", name: "Cool-off day", config: wait(1), next: { next: "push" } },
    push: { kind: "send", config: { channel: "push" }, next: { next: "x" } },
    x: { kind: "exit", config: {}, next: {} },
  },
});
const v1 = ZDashboardPlan.parse({
  entryStepId: "t",
  steps: {
    t: { kind: "trigger", config: {}, next: { next: "cool" } },
    cool: { kind: "wait", name: "Rest", config: wait(2), next: { next: "old" } },
    old: { kind: "wait", config: wait(3), next: { next: "x" } },
    x: { kind: "exit", config: {}, next: {} },
  },
});

describe("stepLabels", () => {
  it("names a step only an older version had from the newest version that had it, never by its id", () => {
    const label = stepLabels(live, undefined, [v2, v1]);
    expect(label("mail")).toBe("Email");
    expect(label("cool")).toBe("Cool-off day");
    // Unnamed in the version that had it: its default name, as for the live plan's own steps.
    expect(label("push")).toBe("Push");
    expect(label("old")).toBe("Wait 3 days");
    // Only an id no version knows stays an id.
    expect(label("nowhere")).toBe("nowhere");
  });

  it("works out a plan's default names once, and only for a plan it reads one from", () => {
    // Fresh copies: names worked out for the plans above are kept with them.
    const [l, o2, o1] = [live, v2, v1].map((p) => structuredClone(p));
    namings.count = 0;
    const label = stepLabels(l!, undefined, [o2!, o1!]);
    expect(namings.count).toBe(0);
    for (const id of ["mail", "sms", "mail", "sms"]) label(id);
    expect(namings.count).toBe(1);
    label("cool"); // named in v2: no defaults needed
    expect(namings.count).toBe(1);
    label("push");
    label("old");
    label("old");
    expect(namings.count).toBe(3);
    // The funnel, the per-step table and the experiments of one page share them too.
    expect(stepLabel(l!, "sms")).toBe("SMS");
    expect(stepLabels(l!)("mail")).toBe("Email");
    expect(namings.count).toBe(3);
  });
});
