import { describe, expect, it } from "vitest";
import { ZPropertyFilter } from "@/lib/segments/definition";
import { defaultValue, OPS, toIso } from "./comparison-defaults";

const now = Date.parse("2026-04-10T15:30:00Z");

describe("comparison defaults", () => {
  it("starts each operator with a value of the shape it takes", () => {
    expect(defaultValue("number", "between", now)).toEqual([0, 10]);
    expect(defaultValue("number", "gt", now)).toBe(0);
    expect(defaultValue("date", "within_last_days", now)).toBe(7);
    expect(defaultValue("date", "between", now)).toEqual([
      "2026-03-11T00:00:00Z",
      "2026-04-10T00:00:00Z",
    ]);
    expect(defaultValue("date", "before", now)).toBe("2026-04-10T00:00:00Z");
    expect(defaultValue("string", "in", now)).toEqual([]);
    expect(defaultValue("string", "equals", now)).toBe("");
    expect(defaultValue("string", "is_set", now)).toBeUndefined();
    expect(defaultValue("boolean", "is_true", now)).toBeUndefined();
  });

  it("gives every operator a default the definition schema accepts (text and lists start empty, for the marketer to fill)", () => {
    const refused = Object.entries(OPS).flatMap(([type, ops]) =>
      ops.flatMap((op) => {
        const value = defaultValue(type as keyof typeof OPS, op, now);
        if (value === "" || (Array.isArray(value) && value.length === 0)) return [];
        const ok = ZPropertyFilter.safeParse({ property: "plan", type, op, value }).success;
        return ok ? [] : [`${type} ${op}`];
      }),
    );
    expect(refused).toEqual([]);
  });

  it("stores a picked day as midnight UTC", () => {
    expect(toIso("2026-04-10")).toBe("2026-04-10T00:00:00Z");
    expect(toIso("")).toBe("");
  });
});
