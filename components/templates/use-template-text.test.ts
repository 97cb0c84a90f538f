import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import vi from "@/lib/i18n/messages/vi.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { matchKnownMessage } from "@/lib/i18n/known-messages";
import { compileTemplate, renderMessage } from "@/lib/templates/render-message";
import { sampleContext } from "@/lib/templates/testing/sample-templates";
import { ZTemplateContent } from "@/lib/templates/template-content";
import { flagsOf, type TPreviewResponse } from "./use-template-preview";
import { TEMPLATE_MESSAGES } from "./use-template-text";
import { parseContext } from "./sample-contact-picker";

const tr = (messages: typeof en, locale: "en" | "vi" | "zh-CN") =>
  createTranslator({ locale, messages, namespace: "templates" });

describe("template texts in the viewer's language", () => {
  it("knows the content schema's own wordings, and words them in English exactly as the API does", () => {
    const issuesOf = (input: unknown) => {
      const r = ZTemplateContent.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    const messages = [
      ...issuesOf({
        channel: "email",
        subject: " ",
        blocks: [
          { id: "a", type: "text", text: "See [docs](javascript:void)" },
          { id: "b", type: "button", label: "Go", url: "ftp://x" },
          { id: "c", type: "image", src: "data:x", alt: "" },
        ],
      }),
      ...issuesOf({
        channel: "email",
        subject: "Hi",
        blocks: [
          { id: "a", type: "divider" },
          { id: "a", type: "spacer" },
        ],
      }),
    ];
    const keys = messages.map((m) => matchKnownMessage(TEMPLATE_MESSAGES, m)?.key);
    expect(keys).toEqual(["required", "textLink", "linkUrl", "imageUrl", "duplicateId"]);
    const enV = en.templates.validation as Record<string, string>;
    const viV = vi.templates.validation as Record<string, string>;
    for (const [message, key] of Object.entries(TEMPLATE_MESSAGES.exact)) {
      expect(enV[key]).toBe(message);
      expect(viV[key]).not.toBe(message);
    }
    const link = messages.find((m) => m.startsWith("Link "))!;
    const found = matchKnownMessage(TEMPLATE_MESSAGES, link)!;
    expect(found.values).toEqual({ url: "javascript:void" });
    expect(tr(en, "en")(`validation.${found.key}`, found.values)).toBe(link);
    expect(tr(zh, "zh-CN")(`validation.${found.key}`, found.values)).toBe(
      "链接“javascript:void”必须以 https://、http://、mailto: 或 tel: 开头",
    );
  });

  it("knows only wordings the templates API really uses", () => {
    const sources = [
      "template-content.ts",
      "test-send-template.ts",
      "preview-template.ts",
      "manage-templates.ts",
    ]
      .map((f) => readFileSync(path.join("lib/templates", f), "utf8"))
      .join("\n");
    for (const message of Object.keys(TEMPLATE_MESSAGES.exact))
      expect(sources, message).toContain(JSON.stringify(message).slice(1, -1));
  });

  it("gives the editor's own flags a code that reads the same in English and natively in Vietnamese", () => {
    const preview: TPreviewResponse = {
      ok: true,
      fields: {},
      analysis: {
        errors: [{ path: "subject", line: 1, column: 4, message: "unexpected token" }],
        variables: [
          {
            name: "contact.favouriteColour",
            known: false,
            hasDefault: true,
            required: false,
            uses: [{ path: "body", line: 1, column: 1, inOutput: true, hasDefault: true }],
          },
          {
            name: "contact.firstName",
            known: true,
            hasDefault: false,
            required: true,
            uses: [{ path: "body", line: 1, column: 9, inOutput: true, hasDefault: false }],
          },
        ],
      },
      rendered: null,
    };
    const flags = Object.values(flagsOf(preview)).flat();
    expect(flags.map((f) => f.issue?.code)).toEqual([
      "liquidSyntax",
      "unknownVariable",
      "noDefault",
    ]);
    const tEn = tr(en, "en");
    const tVi = tr(vi, "vi");
    for (const f of flags) expect(tEn(`issues.${f.issue!.code}`, f.issue!.values)).toBe(f.message);
    expect(tVi(`issues.${flags[0]!.issue!.code}`, flags[0]!.issue!.values)).toBe(
      "Liquid: unexpected token (dòng 1, cột 4)",
    );
  });

  it("words why a sample contact would be skipped from the code the render returns", async () => {
    const compiled = await compileTemplate({ channel: "sms", body: "Hi {{ contact.nickname }}" });
    const r = renderMessage(compiled, sampleContext());
    expect(r).toMatchObject({ ok: false, issue: { code: "missingValue" } });
    if (r.ok) return;
    expect(tr(vi, "vi")(`skip.${r.issue.code}`, r.issue.values)).toBe(
      "Thiếu giá trị: contact.nickname",
    );
    expect(tr(zh, "zh-CN")(`skip.${r.issue.code}`, r.issue.values)).toBe(
      "缺少值：contact.nickname",
    );
  });

  it("counts SMS characters and segments with ICU plurals", () => {
    const summary = { characters: 1, encoding: "GSM-7", segments: 1 };
    expect(tr(en, "en")("sms.counter.summary", summary)).toBe("1 character · GSM-7 · 1 segment");
    expect(tr(en, "en")("sms.counter.summary", { ...summary, characters: 1234, segments: 9 })).toBe(
      "1,234 characters · GSM-7 · 9 segments",
    );
    expect(tr(vi, "vi")("sms.counter.summary", { ...summary, characters: 1234 })).toBe(
      "1.234 ký tự · GSM-7 · 1 tin",
    );
  });

  it("says what is wrong with a hand-written context as a code", () => {
    expect(parseContext("[]")).toEqual({ ok: false, error: { code: "notObject" } });
    expect(parseContext('{"contact": 1}')).toEqual({
      ok: false,
      error: { code: "contactNotObject" },
    });
    expect(parseContext('{"event": {}}')).toEqual({ ok: false, error: { code: "eventName" } });
    const notJson = parseContext("{");
    expect(notJson).toMatchObject({ ok: false, error: { code: "notJson" } });
    expect(parseContext('{"contact": {"plan": "pro"}}')).toEqual({
      ok: true,
      context: { contact: { plan: "pro" } },
    });
  });
});
