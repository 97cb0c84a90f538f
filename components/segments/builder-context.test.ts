import { describe, expect, it } from "vitest";
import { errorsAt, fieldInvalid, within } from "./builder-context";

describe("builder errors", () => {
  // As the API answers a sequence whose second event is blank, and a filter of the next condition.
  const errors = {
    "conditions.0.then.name": "choose an event",
    "conditions.1.filters.0.value": "must be a number",
    "conditions.2": "segments cannot include themselves",
  };

  it("outlines only the input the error names", () => {
    const seq = fieldInvalid(errors, "conditions.0");
    expect(seq("then.name")).toBe(true);
    expect(seq("first.name")).toBe(false);
    expect(seq("then")).toBe(true);
    const filters = within(fieldInvalid(errors, "conditions.1"), "filters");
    expect(within(filters, "0")("value")).toBe(true);
    expect(within(filters, "0")("op")).toBe(false);
    expect(filters("0.property")).toBe(false);
    // A prefix of another field's name is not that field.
    expect(fieldInvalid({ "conditions.0.valueX": "x" }, "conditions.0")("value")).toBe(false);
    expect(fieldInvalid(errors, "conditions.2")("segmentId")).toBe(false);
  });

  it("still lists every message under its condition", () => {
    expect(errorsAt(errors, "conditions.0")).toEqual(["then › name: choose an event"]);
    expect(errorsAt(errors, "conditions.2")).toEqual(["segments cannot include themselves"]);
  });
});
