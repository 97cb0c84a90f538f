import { describe, expect, it } from "vitest";
import type { TColumnTarget } from "./mapping";
import { ZMapping } from "./mapping";
import { validateRow } from "./validate-row";

const columns: TColumnTarget[] = [
  { kind: "userId" },
  { kind: "field", field: "email" },
  { kind: "field", field: "phone" },
  { kind: "field", field: "country" },
  { kind: "attribute", name: "seats", type: "number" },
  { kind: "attribute", name: "tags", type: "list" },
  { kind: "channel", channel: "email", meaning: "opt_out" },
  { kind: "ignore" },
];
const ctx = {
  importId: "11111111-1111-4111-8111-111111111111",
  row: 7,
  at: new Date("2026-11-01T10:00:00Z"),
};

describe("validateRow", () => {
  it("builds the identify operation the API would, with a deterministic messageId", () => {
    const { op, problems } = validateRow(
      ["u-1", " Ann@Example.COM ", "06 12 34 56 78", "fr", "3", "a|b", "yes", "whatever"],
      columns,
      ctx,
    );
    expect(problems).toEqual([]);
    expect(op).toMatchObject({
      kind: "identify",
      userId: "u-1",
      messageId: "import:11111111-1111-4111-8111-111111111111:7",
      occurredAt: ctx.at,
      profile: {
        email: "ann@example.com",
        phone: "+33612345678",
        country: "FR",
        attributes: { set: { seats: 3, tags: ["a", "b"] }, unset: [] },
        subscriptions: { email: "unsubscribed" },
      },
    });
  });

  it("leaves empty cells out rather than clearing the contact's values", () => {
    const { op } = validateRow(["u-2", "", "", "", "", "", "", ""], columns, ctx);
    expect(op?.kind === "identify" && op.profile).toMatchObject({
      email: undefined,
      phone: undefined,
      attributes: { set: {} },
      subscriptions: {},
    });
  });

  it("reports every bad cell of a row, by column, with the API's own messages", () => {
    const { problems } = validateRow(
      ["", "not-an-email", "12", "France", "three", "", "perhaps", ""],
      columns,
      ctx,
    );
    expect(problems).toEqual([
      { column: 0, message: "is required" },
      { column: 4, message: "must be a number like 1234.5" },
      { column: 6, message: "must be yes/no, true/false, 1/0, subscribed or unsubscribed" },
      { column: 1, message: "must be a valid email address" },
      { column: 3, message: "must be an ISO 3166 two-letter country code" },
      {
        column: 2,
        message:
          "must be a valid phone number, in E.164 like +14155550100 or national with a country",
      },
    ]);
  });

  it("refuses user ids and texts the API would refuse", () => {
    expect(
      validateRow(["x".repeat(201), "", "", "", "", "", "", ""], columns, ctx).problems,
    ).toEqual([{ column: 0, message: "must be at most 200 characters" }]);
    const text: TColumnTarget[] = [
      { kind: "userId" },
      { kind: "attribute", name: "bio", type: "text" },
    ];
    expect(validateRow(["u", "y".repeat(3000)], text, ctx).problems).toEqual([
      { column: 1, message: "must be at most 2048 characters" },
    ]);
  });
});

describe("ZMapping", () => {
  const issues = (v: unknown) => {
    const r = ZMapping.safeParse(v);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("wants exactly one user id and no target twice", () => {
    expect(issues({ columns: [{ kind: "ignore" }] })).toEqual([
      "columns: map one column to User ID",
    ]);
    expect(issues({ columns: [{ kind: "userId" }, { kind: "userId" }] })).toEqual([
      "columns.1: only one column can be the User ID",
    ]);
    expect(
      issues({
        columns: [
          { kind: "userId" },
          { kind: "attribute", name: "plan", type: "text" },
          { kind: "attribute", name: " plan", type: "number" },
          { kind: "field", field: "email" },
          { kind: "field", field: "email" },
        ],
      }),
    ).toEqual([
      "columns.2: column 2 already maps to this",
      "columns.4: column 4 already maps to this",
    ]);
  });

  it("names the entry and field that are wrong", () => {
    expect(
      issues({ columns: [{ kind: "userId" }, { kind: "attribute", name: "$x", type: "text" }] }),
    ).toEqual(["columns.1.name: attribute names cannot start with $"]);
    expect(
      issues({ columns: [{ kind: "userId" }, { kind: "attribute", name: "x", type: "money" }] }),
    ).toEqual(["columns.1.type: must be one of text, number, boolean, date, list"]);
    expect(issues({ columns: [{ kind: "userId" }, { kind: "nope" }] })).toEqual([
      "columns.1.kind: must be ignore, userId, field, attribute, channel or topic",
    ]);
  });
});
