import { describe, expect, it } from "vitest";
import { describeFilter, filtersText } from "./describe-filters";
import { summarizeNode, type TSummaryContext } from "./summarize-node";

const ctx: TSummaryContext = { template: () => undefined, segment: () => undefined };

describe("filters in node summaries", () => {
  it("names the event and its property filters on the trigger", () => {
    expect(summarizeNode("trigger", { kind: "event", event: "Purchase", filters: [] }, ctx)).toBe(
      "When Purchase happens",
    );
    expect(
      summarizeNode(
        "trigger",
        {
          kind: "event",
          event: "Purchase",
          filters: [{ property: "amount", type: "number", op: "gt", value: 100 }],
        },
        ctx,
      ),
    ).toBe("When Purchase happens where amount > 100");
  });

  it("puts a wait-for-event's equality filters before its timeout", () => {
    const data = {
      event: "Order Completed",
      filters: [
        { property: "plan", value: "pro" },
        { property: "coupon", value: null },
      ],
      timeout: { amount: 3, unit: "days" },
    };
    expect(summarizeNode("wait_for_event", data, ctx)).toBe(
      "Order Completed where plan = pro and coupon is empty · up to 3 days",
    );
  });

  it("words a wait-for-event's condition group with its match", () => {
    const base = { event: "Order Completed", filters: [], timeout: { amount: 1, unit: "days" } };
    const group = {
      kind: "group",
      match: "all",
      conditions: [
        { kind: "did_event", event: "Product Viewed" },
        { kind: "segment", segmentId: "s1", in: false },
      ],
    };
    expect(summarizeNode("wait_for_event", { ...base, match: "all", condition: group }, ctx)).toBe(
      "Order Completed and (did Product Viewed since entry and not in a segment…) · up to 1 day",
    );
    expect(
      summarizeNode(
        "wait_for_event",
        { ...base, match: "any", condition: { kind: "did_event", event: "Viewed", did: false } },
        ctx,
      ),
    ).toBe("Order Completed, or by then did not Viewed since entry · up to 1 day");
  });

  it("mentions a did-event branch's filters", () => {
    expect(
      summarizeNode(
        "branch",
        {
          condition: {
            kind: "did_event",
            event: "Viewed",
            filters: [{ property: "sku", type: "string", op: "in", value: ["a", "b"] }],
          },
        },
        ctx,
      ),
    ).toBe("If did Viewed where sku is one of a, b since entry");
  });

  it("keeps three or more filters short and skips half-made ones", () => {
    const fs = [
      { property: "a", type: "boolean", op: "is_true" },
      { property: "", type: "string", op: "equals", value: "" },
      { property: "b", type: "number", op: "between", value: [1, 5] },
      { property: "c", value: false },
    ];
    expect(filtersText(fs)).toBe("a is true and 2 more");
    expect(filtersText(fs.slice(0, 3))).toBe("a is true and b between 1 and 5");
    expect(filtersText(undefined)).toBe("");
    expect(filtersText([null, "x"])).toBe("");
  });

  it("reads dates and day counts as a marketer would", () => {
    expect(
      describeFilter({ property: "at", type: "date", op: "before", value: "2026-11-01T00:00:00Z" }),
    ).toBe("at before 2026-11-01");
    expect(describeFilter({ property: "at", type: "date", op: "within_last_days", value: 7 })).toBe(
      "at in the last 7 days",
    );
    expect(describeFilter({ property: "name", type: "string", op: "equals", value: "Ada" })).toBe(
      "name is Ada",
    );
  });
});
