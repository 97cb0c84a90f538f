import { describe, expect, it } from "vitest";
import { compileExpression, UnsupportedExpressionError } from "./cel-subset";

const trigger = {
  name: "journey/contact.entered",
  data: { contactId: "c1", n: 3, flag: true, nested: { plan: "pro" } },
};
const ev = (data: Record<string, unknown>) => ({ name: "x", data });

describe("wait-for-event expression subset", () => {
  it("matches async fields against the trigger's and literals, all clauses required", () => {
    const m = compileExpression(
      "async.data.contactId == event.data.contactId && async.data.properties.plan == 'pro'",
    );
    expect(m(trigger, ev({ contactId: "c1", properties: { plan: "pro" } }))).toBe(true);
    expect(m(trigger, ev({ contactId: "c1", properties: { plan: "free" } }))).toBe(false);
    expect(m(trigger, ev({ contactId: "c2", properties: { plan: "pro" } }))).toBe(false);
  });

  it("reads numbers, booleans, null and escaped strings", () => {
    expect(
      compileExpression("async.data.n == 3 && async.data.ok == true && async.data.z == null")(
        trigger,
        ev({ n: 3, ok: true, z: null }),
      ),
    ).toBe(true);
    expect(compileExpression("async.data.n == 3")(trigger, ev({ n: "3" }))).toBe(false);
    expect(
      compileExpression("async.data.s == 'it\\'s a \\\\ && b'")(
        trigger,
        ev({ s: "it's a \\ && b" }),
      ),
    ).toBe(true);
    expect(compileExpression("async.data.n == -1.5")(trigger, ev({ n: -1.5 }))).toBe(true);
  });

  it("treats a missing field as no match, never as equal", () => {
    const m = compileExpression("async.data.missing == event.data.alsoMissing");
    expect(m(trigger, ev({}))).toBe(false);
    expect(compileExpression("async.data.a.b == 1")(trigger, ev({ a: "str" }))).toBe(false);
  });

  it("accepts the mirrored form the SDK's `match` option emits", () => {
    expect(
      compileExpression("event.data.contactId == async.data.contactId")(
        trigger,
        ev({ contactId: "c1" }),
      ),
    ).toBe(true);
  });

  it.each([
    "async.data.n > 3",
    "async.data.a == 1 || async.data.b == 2",
    "event.data.a == 'x'",
    "async.name == 'x'",
    "async.data.a == async.data.b",
    'async.data.a == "double"',
    "async.data.a == 'unterminated",
    "async.data.a==1",
    "",
  ])("refuses %j loudly", (expression) => {
    expect(() => compileExpression(expression)).toThrow(UnsupportedExpressionError);
  });
});
