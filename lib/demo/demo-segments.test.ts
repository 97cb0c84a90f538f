import { describe, expect, it } from "vitest";
import { ZSegmentDefinition } from "@/lib/segments/definition";
import { DEMO_SEGMENTS } from "./demo-segments";

describe("demo segments", () => {
  it.each(DEMO_SEGMENTS.map((s) => [s.name, s.definition] as const))(
    "%s is a valid definition",
    (_name, def) => {
      expect(ZSegmentDefinition.safeParse(def).error?.issues).toBeUndefined();
    },
  );
});
