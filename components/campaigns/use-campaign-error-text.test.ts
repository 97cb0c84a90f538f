import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { ZCampaignInput } from "@/lib/campaigns/campaign-settings";
import { matchKnownMessage } from "@/lib/i18n/known-messages";
import { CAMPAIGN_MESSAGES } from "./use-campaign-error-text";

const treatment = (percent: number) => ({
  label: "A",
  templateId: "00000000-0000-4000-8000-000000000001",
  templateVersion: 1,
  percent,
});

describe("campaign field errors in the viewer's language", () => {
  it("knows the wording of the editor's checks", () => {
    const inputs = [
      {
        name: "",
        audience: { kind: "segment", segmentId: "" },
        channel: "email",
        treatments: [treatment(60)],
        schedule: {
          kind: "recurring",
          recurrence: {
            frequency: "weekly",
            time: "09:00",
            weekdays: [],
            startDate: "2026-13-01",
            endDate: "2026-01-01",
          },
        },
        conversion: { event: " ", windowDays: 7 },
      },
      {
        name: "Spring",
        audience: { kind: "everyone" },
        channel: "email",
        treatments: [],
        schedule: { kind: "event", event: "", filters: [], maxDelayMinutes: 60 },
      },
    ];
    const messages = inputs.flatMap((i) => {
      const r = ZCampaignInput.safeParse(i);
      return r.success ? [] : r.error.issues.map((x) => x.message);
    });
    expect(messages).toEqual(
      expect.arrayContaining(["Give the campaign a name", "Choose a segment", "Choose a template"]),
    );
    const known = messages.filter((m) => matchKnownMessage(CAMPAIGN_MESSAGES, m));
    // zod's own wordings (worded in the caller's language on the server) are the only others.
    expect(known.length).toBeGreaterThanOrEqual(6);
    expect(
      matchKnownMessage(
        CAMPAIGN_MESSAGES,
        "Treatment percentages must sum to 100 (they sum to 60)",
      ),
    ).toEqual({
      key: "percentSum",
      values: { total: "60" },
    });
  });

  it("words each known message in Chinese, and in English exactly as the API does", () => {
    const enV = en.campaigns.validation as Record<string, string>;
    const zhV = zh.campaigns.validation as Record<string, string>;
    for (const [message, key] of Object.entries(CAMPAIGN_MESSAGES.exact)) {
      expect(enV[key]).toBe(message);
      expect(zhV[key]).not.toBe(message);
    }
  });
});
