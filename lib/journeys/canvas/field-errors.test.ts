import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import vi from "@/lib/i18n/messages/vi.json";
import {
  describeErrorPath,
  englishPathWords,
  nodeFieldErrors,
  type TPathWords,
} from "./field-errors";

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

  it("reads in the editor's language with its words, and names it lacks as in English", () => {
    // The words usePathWords builds from journeys.fieldPath for a Vietnamese editor.
    const t = createTranslator({ locale: "vi", messages: vi, namespace: "journeys.fieldPath" });
    const words: TPathWords = {
      item: (list, n) =>
        t.has(`items.${list}` as "items.filters")
          ? t(`items.${list}` as "items.filters", { n })
          : englishPathWords.item(list, n),
      field: (name) =>
        t.has(`fields.${name}` as "fields.value") ? t(`fields.${name}` as "fields.value") : name,
    };
    expect(describeErrorPath(["data", "filters", 1, "value"], words)).toBe("Bộ lọc 2 › giá trị");
    expect(
      describeErrorPath(["data", "cases", 0, "condition", "conditions", 2, "event"], words),
    ).toBe("Trường hợp 1 › điều kiện › Điều kiện 3 › sự kiện");
    expect(describeErrorPath(["data", "zzz", 0, "qqq"], words)).toBe("Zzz 1 › qqq");
  });
});
