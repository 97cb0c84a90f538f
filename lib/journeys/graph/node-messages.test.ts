import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import vi from "@/lib/i18n/messages/vi.json";
import { zodErrorMap } from "@/lib/i18n/zod-errors";
import { VALIDATE_CTX, everyKindGraph } from "../testing/graph-fixtures";
import { STEP_NAME_MAX } from "./node-data";
import { NODE_MESSAGES, nodeMessageKey } from "./node-messages";
import { validateGraph } from "./validate-graph";

const invalidNodes = (
  mutate: (data: Record<string, Record<string, unknown>>) => void,
  locale?: "vi",
) => {
  const g = everyKindGraph();
  mutate(Object.fromEntries(g.nodes.map((n) => [n.id, n.data as Record<string, unknown>])));
  const r = validateGraph(g, {
    ...VALIDATE_CTX,
    zodErrors: locale ? zodErrorMap(locale) : undefined,
  });
  return r.ok ? [] : r.errors.filter((e) => e.code === "invalid_node");
};

describe("the journey schemas' own wordings", () => {
  it("all come from NODE_MESSAGES: no literal wording is left in the schemas", () => {
    for (const file of ["node-data.ts", "graph-schema.ts", "journey-settings.ts"]) {
      const src = readFileSync(path.join(import.meta.dirname, file), "utf8");
      // The one left: the list of step kinds, which the API names for a hand-written graph.
      const literals = [...src.matchAll(/(?:error|message): (["'`])(.*?)\1/g)].map((m) => m[2]);
      expect(
        literals.filter((l) => !l!.startsWith("must be one of")),
        file,
      ).toEqual([]);
    }
    expect(NODE_MESSAGES.stepName).toContain(String(STEP_NAME_MAX));
  });

  it("are named by messageKey on the defect, and worded in the editor's language from it", () => {
    const [e] = invalidNodes((d) => {
      d.wfe!.event = " ";
    });
    expect(e).toMatchObject({ message: "choose an event", messageKey: "chooseEvent" });
    expect(nodeMessageKey("Too small: expected string to have >=1 characters")).toBeUndefined();
    const t = createTranslator({ locale: "vi", messages: vi, namespace: "journeys.graphErrors" });
    expect(t(`node.${e!.messageKey!}`)).toBe("hãy chọn một sự kiện");
    // English reads the same from the catalogue as from the API.
    const english = createTranslator({
      locale: "en",
      messages: en,
      namespace: "journeys.graphErrors",
    });
    for (const [key, text] of Object.entries(NODE_MESSAGES))
      expect(english(`node.${key as keyof typeof NODE_MESSAGES}`)).toBe(text);
  });

  it("leave zod's own checks to zod, in the caller's language when the publish names it", () => {
    const bad = (d: Record<string, Record<string, unknown>>) => {
      d.s1!.channel = "fax";
    };
    const [english] = invalidNodes(bad);
    const [vietnamese] = invalidNodes(bad, "vi");
    expect(english!.messageKey).toBeUndefined();
    expect(english!.message).toMatch(/^Invalid option/);
    expect(vietnamese!.message).not.toBe(english!.message);
    expect(vietnamese!.message).toMatch(/không hợp lệ/);
  });
});
