import { describe, expect, it } from "vitest";
import { ZCampaignSchedule } from "@/lib/campaigns/schedule/schedule-settings";
import { ZCampaignLimits } from "@/lib/campaigns/campaign-limits";
import { classifyJson } from "./classify-file";
import { convertCampaign } from "./convert-campaign";
import { convertSettings } from "./convert-settings";
import { fixture } from "./testing/load-fixture";

const paths = (l: { path: string }[]) => l.map((n) => n.path);

describe("convertCampaign", () => {
  it("turns an A/B campaign with a holdout into treatments, a local-time weekly schedule and limits", () => {
    const c = convertCampaign(fixture("campaigns.json", 0));
    expect(c.notes.errors).toEqual([]);
    expect(c.channel).toBe("email");
    expect(c.holdoutPercent).toBe(10);
    expect(c.treatments.map((t) => [t.label, t.percent])).toEqual([
      ["Control", 50],
      ["Variant B", 50],
    ]);
    expect(c.treatments[0]!.template).toEqual({ name: "Welcome" });
    const inline = c.treatments[1]!.template as {
      inline: { name: string; content: { channel: string; subject: string } };
    };
    expect(inline.inline.name).toBe("Spring sale Variant B (Pinpoint message)");
    expect(inline.inline.content.subject).toBe(
      'Spring sale, {{ contact.attributes.FirstName | default: "" }}',
    );
    // 16:00 UTC is 08:00 at UTC-08, a Thursday.
    expect(ZCampaignSchedule.parse(c.schedule)).toEqual({
      kind: "recurring",
      recurrence: {
        frequency: "weekly",
        time: "08:00",
        weekdays: [4],
        startDate: "2027-04-01",
        localTime: true,
      },
    });
    expect(ZCampaignLimits.parse(c.limits)).toEqual({
      dailyCapPerContact: 2,
      totalCapPerContact: 10,
      messagesPerSecond: 100,
      maxDurationMinutes: 120,
      quietHours: { start: "22:00", end: "08:00" },
    });
    expect(c.segmentPinpointId).toBe("b66c9e42f71444b2aa2e0ffc1df28f60");
    expect(paths(c.notes.approximated)).toEqual(
      expect.arrayContaining(["State", "SegmentVersion", "AdditionalTreatments"]),
    );
  });

  it("turns an event campaign with an inline SMS into an event trigger and reports its Lambda hook", () => {
    const c = convertCampaign(fixture("campaigns.json", 1));
    expect(c.notes.errors).toEqual([]);
    expect(c.channel).toBe("sms");
    expect(ZCampaignSchedule.parse(c.schedule)).toMatchObject({
      kind: "event",
      event: "cart_abandoned",
      endAt: "2027-12-31T00:00:00.000Z",
    });
    expect(paths(c.notes.unsupported)).toEqual(["Hook"]);
  });

  it("sends a one-time campaign at its start time", () => {
    const c = convertCampaign(fixture("campaigns.json", 2));
    expect(c.schedule).toEqual({ kind: "at", sendAt: "2027-05-01T09:30:00.000Z" });
    expect(c.treatments).toEqual([
      { label: "Treatment A", percent: 100, template: { name: "Sale" } },
    ]);
  });
});

describe("convertSettings", () => {
  it("makes quiet time and caps the workspace's campaign defaults", () => {
    const s = convertSettings(fixture("application-settings.json"));
    expect(s.defaults).toEqual({
      dailyCapPerContact: 5,
      totalCapPerContact: 50,
      messagesPerSecond: 200,
      maxDurationMinutes: 60,
      quietHours: { start: "21:00", end: "08:00" },
    });
    expect(paths(s.notes.unsupported)).toEqual(["JourneyLimits", "CampaignHook"]);
  });
});

describe("classifyJson", () => {
  it("accepts wrapped, bare and list responses, and names what it cannot read", () => {
    const journey = fixture("journeys.json", 1);
    expect(classifyJson({ JourneyResponse: journey })).toEqual([
      { kind: "journey", path: "JourneyResponse", value: journey },
    ]);
    expect(classifyJson(journey)).toEqual([{ kind: "journey", path: "", value: journey }]);
    expect((classifyJson({ SegmentsResponse: { Item: [{}, {}] } }) as unknown[]).length).toBe(2);
    expect(classifyJson({ SMSTemplateResponse: { TemplateName: "x", Body: "y" } })).toMatchObject([
      { kind: "template" },
    ]);
    expect(classifyJson({ hello: 1 })).toEqual({
      error: expect.stringMatching(/is not a Pinpoint/),
    });
    expect(classifyJson([1])).toEqual({ error: "is not a JSON object" });
    expect(classifyJson({ JourneysResponse: { Item: 3 } })).toEqual({
      error: "JourneysResponse.Item must be a list",
    });
    expect(classifyJson({ TemplatesResponse: { Item: [] } })).toMatchObject({
      error: expect.stringMatching(/get-email-template/),
    });
  });
});
