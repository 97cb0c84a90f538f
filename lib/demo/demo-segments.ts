import type { TSegmentDefinition } from "@/lib/segments/definition";

/** Demo segments showing behaviour, attributes with location, and channel reachability. */
export const DEMO_SEGMENTS: {
  name: string;
  description: string;
  definition: TSegmentDefinition;
}[] = [
  {
    name: "Cart abandoners (3h)",
    description: "Added to cart and did not buy within 3 hours",
    definition: {
      kind: "group",
      match: "all",
      conditions: [
        {
          kind: "sequence",
          first: { name: "Added to Cart", filters: [] },
          then: { name: "Order Completed", filters: [] },
          withinHours: 3,
          mode: "not_followed_by",
        },
      ],
    },
  },
  {
    name: "Pro plan in Europe",
    description: "Pro customers in France or Germany",
    definition: {
      kind: "group",
      match: "all",
      conditions: [
        { kind: "attribute", key: "plan", type: "string", op: "equals", value: "pro" },
        { kind: "profile", field: "country", type: "string", op: "in", value: ["FR", "DE"] },
      ],
    },
  },
  {
    name: "Reachable by push",
    description: "Has a device and has not opted out of push",
    definition: {
      kind: "group",
      match: "all",
      conditions: [{ kind: "channel", channel: "push", state: "reachable" }],
    },
  },
];
