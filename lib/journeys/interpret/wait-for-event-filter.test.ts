import { describe, expect, it } from "vitest";
import {
  buildWaitForEventFilter,
  evaluateCelSubset,
  parseCelSubset,
} from "./wait-for-event-filter";

const trigger = { data: { contactId: "c1", journeyId: "j" } };
const candidate = (contactId: string, properties: Record<string, unknown>) => ({
  data: { contactId, properties },
});

describe("wait-for-event filter", () => {
  it("builds the contract's example exactly", () => {
    expect(buildWaitForEventFilter([{ property: "plan", value: "pro" }])).toBe(
      "async.data.contactId == event.data.contactId && async.data.properties.plan == 'pro'",
    );
  });

  it("escapes quotes and backslashes and round-trips through the parser", () => {
    const expr = buildWaitForEventFilter([
      { property: "note", value: "it's a \\ path" },
      { property: "n", value: 2.5 },
      { property: "ok", value: true },
      { property: "gone", value: null },
    ]);
    expect(expr).toContain(String.raw`'it\'s a \\ path'`);
    expect(parseCelSubset(expr).map((c) => c.value)).toEqual([
      { ref: "event", path: ["contactId"] },
      { lit: "it's a \\ path" },
      { lit: 2.5 },
      { lit: true },
      { lit: null },
    ]);
  });

  it("matches the same contact with equal properties, and nothing else", () => {
    const expr = buildWaitForEventFilter([
      { property: "plan", value: "pro" },
      { property: "order.total", value: 10 },
    ]);
    expect(
      evaluateCelSubset(expr, trigger, candidate("c1", { plan: "pro", order: { total: 10 } })),
    ).toBe(true);
    expect(
      evaluateCelSubset(expr, trigger, candidate("c2", { plan: "pro", order: { total: 10 } })),
    ).toBe(false);
    expect(
      evaluateCelSubset(expr, trigger, candidate("c1", { plan: "free", order: { total: 10 } })),
    ).toBe(false);
    expect(
      evaluateCelSubset(expr, trigger, candidate("c1", { plan: "pro", order: { total: "10" } })),
    ).toBe(false);
    expect(evaluateCelSubset(expr, trigger, candidate("c1", { plan: "pro" }))).toBe(false);
  });

  it("refuses property names outside the subset", () => {
    expect(() => buildWaitForEventFilter([{ property: "a-b", value: 1 }])).toThrow(
      /cannot be matched/,
    );
  });

  it.each([
    "async.data.x != 'a'",
    "async.data.x == 'a' || async.data.y == 1",
    "event.data.x == async.data.x",
    "async.data.x == 'unterminated",
    "async.data.x == 'bad \\n escape'",
    "async.data.x == size(a)",
    "async.data.x == 1 &&",
  ])("refuses %s loudly", (expr) => {
    expect(() => parseCelSubset(expr)).toThrow(/unsupported CEL/);
  });
});
