import { describe, expect, it } from "vitest";
import { describeCondition } from "./describe-condition";
import { summarizeNode } from "./summarize-node";

const ctx = { segment: (id: string) => (id === "s1" ? "VIPs" : undefined) };
const did = (event: string, extra: Record<string, unknown> = {}) => ({
  kind: "did_event",
  event,
  ...extra,
});
const browsedNotBought = {
  kind: "group",
  match: "all",
  conditions: [did("Product Viewed"), did("Order Completed", { did: false })],
};

describe("a condition in words", () => {
  it("reads browsed-but-did-not-buy as one clause with its window once", () => {
    expect(describeCondition(browsedNotBought, ctx)).toBe(
      "did Product Viewed and not Order Completed since entry",
    );
    expect(
      summarizeNode(
        "branch",
        { condition: browsedNotBought },
        { ...ctx, template: () => undefined },
      ),
    ).toBe("If did Product Viewed and not Order Completed since entry");
  });

  it("keeps each event's window when they differ, and a lone did-not", () => {
    expect(
      describeCondition(
        {
          kind: "group",
          match: "any",
          conditions: [
            did("Viewed", { window: { kind: "last_hours", hours: 1 } }),
            did("Bought", { did: false }),
          ],
        },
        ctx,
      ),
    ).toBe("did Viewed in the last 1 hour or did not Bought since entry");
  });

  it("brackets nested groups and names segments and attributes", () => {
    const c = {
      kind: "group",
      match: "any",
      conditions: [
        {
          kind: "attribute",
          filter: { property: "plan", type: "string", op: "equals", value: "pro" },
        },
        {
          kind: "group",
          match: "all",
          conditions: [
            { kind: "segment", segmentId: "s1", in: true },
            { kind: "engagement", sendNodeId: "x", action: "clicked" },
          ],
        },
      ],
    };
    expect(describeCondition(c, ctx)).toBe(
      "plan is pro or (in VIPs and clicked an earlier message)",
    );
  });

  it("says what is missing in a half-made draft instead of throwing", () => {
    expect(describeCondition({ kind: "group", match: "all", conditions: [] }, ctx)).toBe(
      "an empty group…",
    );
    expect(describeCondition(undefined, ctx)).toBe("a condition…");
    expect(describeCondition({ kind: "segment", segmentId: "gone" }, ctx)).toBe("in a segment…");
  });

  it("spells out every multi-branch case in order, then else", () => {
    const data = {
      cases: [
        { id: "a", label: "Browsers", condition: browsedNotBought },
        { id: "b", label: "", condition: { kind: "segment", segmentId: "s1", in: false } },
      ],
    };
    expect(summarizeNode("multi_branch", data, { ...ctx, template: () => undefined })).toBe(
      "Browsers: did Product Viewed and not Order Completed since entry · Case 2: not in VIPs · else",
    );
  });
});
