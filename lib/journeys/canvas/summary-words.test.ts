import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import vi from "@/lib/i18n/messages/vi.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { summarizeNode, type TSummaryContext } from "./summarize-node";
import { EN_SUMMARY } from "./summary-words-en";
import type { TSummaryWords } from "./summary-words";

const wordsOf = (messages: typeof en): TSummaryWords => {
  const t = createTranslator({ locale: "en", messages, namespace: "journeys.summary" });
  return (key, values) => t(key, values);
};
const ctx = (messages: typeof en): TSummaryContext => ({
  template: (id) => (id === "t1" ? { name: "Welcome", publishedVersion: 2 } : undefined),
  segment: (id) => (id === "s1" ? "VIPs" : undefined),
  words: wordsOf(messages),
});

describe("node summaries in the viewer's language", () => {
  it("lib's English words are the English catalogue's", () => {
    expect(en.journeys.summary).toEqual(EN_SUMMARY);
  });

  it("reads each kind in Vietnamese and Chinese, names and values as typed", () => {
    const trigger = {
      kind: "event",
      event: "Signed Up",
      filters: [{ property: "plan", type: "string", op: "equals", value: "pro" }],
    };
    expect(summarizeNode("trigger", trigger, ctx(vi as typeof en))).toBe(
      "Khi Signed Up xảy ra với plan là pro",
    );
    expect(summarizeNode("trigger", trigger, ctx(zh as typeof en))).toBe(
      "发生 Signed Up（plan 为 pro）时",
    );
    const wait = { kind: "duration", amount: 2, unit: "days" };
    expect(summarizeNode("wait", wait, ctx(vi as typeof en))).toBe("Chờ 2 ngày");
    expect(summarizeNode("wait", wait, ctx(zh as typeof en))).toBe("等待 2 天");
    expect(summarizeNode("wait", wait, ctx(en))).toBe("Wait 2 days");
    const send = { channel: "email", templateId: "t1" };
    expect(summarizeNode("send", send, ctx(vi as typeof en))).toBe("Gửi email · Welcome v2");
    const branch = {
      condition: {
        kind: "group",
        match: "any",
        conditions: [
          { kind: "segment", segmentId: "s1" },
          { kind: "engagement", action: "clicked" },
        ],
      },
    };
    expect(summarizeNode("branch", branch, ctx(vi as typeof en))).toBe(
      "Nếu thuộc VIPs hoặc đã nhấp vào một tin nhắn trước đó",
    );
    expect(summarizeNode("branch", branch, ctx(en))).toBe(
      "If in VIPs or clicked an earlier message",
    );
  });
});
