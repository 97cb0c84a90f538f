import { describe, expect, it } from "vitest";
import { describeErrorPath, nodeFieldErrors } from "./field-errors";

describe("publish errors on a step's fields", () => {
  it("keys errors about the node's data by their path inside it, first message per field", () => {
    expect(
      nodeFieldErrors([
        {
          code: "invalid_node",
          message: "must be a number",
          nodeIds: ["t"],
          path: ["data", "filters", 0, "value"],
        },
        {
          code: "invalid_node",
          message: "second",
          nodeIds: ["t"],
          path: ["data", "filters", 0, "value"],
        },
        {
          code: "invalid_node",
          message: "choose an event",
          nodeIds: ["t"],
          path: ["data", "event"],
        },
        {
          code: "unconnected_output",
          message: 'connect the "next" output',
          nodeIds: ["t"],
          handle: "next",
        },
        { code: "invalid_node", message: "bad data", nodeIds: ["t"], path: ["data"] },
      ]),
    ).toEqual({ "filters.0.value": "must be a number", event: "choose an event" });
  });

  it("says where the field is, counting list items from 1", () => {
    expect(describeErrorPath(["data", "filters", 1, "value"])).toBe("Filter 2 › value");
    expect(describeErrorPath(["data", "cases", 0, "condition", "filter", "property"])).toBe(
      "Case 1 › condition › filter › property",
    );
    expect(describeErrorPath(["data", "event"])).toBe("event");
    expect(describeErrorPath(undefined)).toBe("");
  });
});
