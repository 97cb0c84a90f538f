import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { describeEvent, eventLabelText } from "./event-labels";

/** What the timeline shows for an event, worded from a catalogue. */
const shown = (name: string, properties: Record<string, unknown>, messages: typeof en = en) => {
  const t = createTranslator({ locale: "en", messages, namespace: "contacts.timeline.events" });
  const e = describeEvent(name, properties);
  return { ...eventLabelText(e, t), system: e.system };
};

describe("event labels", () => {
  it("keeps track events' own names", () => {
    expect(shown("Order Completed", { total: 3 })).toEqual({
      label: "Order Completed",
      detail: null,
      system: false,
    });
  });

  it("puts $-events in words", () => {
    expect(shown("$identify", { email: "a@b.c", plan: "pro", $unset: ["x"] })).toMatchObject({
      label: "Profile updated by the API",
      detail: "Sent email, plan",
      system: true,
    });
    expect(shown("$identify", { a: 1, b: 1, c: 1, d: 1, e: 1, f: 1 }).detail).toBe(
      "Sent a, b, c, d and 2 more",
    );
    expect(shown("$page", { path: "/pricing" })).toMatchObject({
      label: "Viewed a page",
      detail: "/pricing",
    });
    expect(shown("$screen", { name: "Home" })).toMatchObject({
      label: "Viewed a screen",
      detail: "Home",
    });
    expect(shown("$alias", { previousId: "anon-1" })).toMatchObject({
      label: "Linked an earlier id",
      detail: "anon-1",
    });
    expect(
      shown("$attributes_changed", {
        set: { plan: "pro", tags: ["a", "b"] },
        previous: { plan: "free" },
        unset: ["trial"],
        changedBy: { name: "Mia" },
      }),
    ).toMatchObject({
      label: "Attributes edited",
      detail: "By Mia: plan: free → pro, tags: a, b; removed trial",
    });
    expect(
      shown("$subscription_changed", {
        channel: "sms",
        status: "unsubscribed",
        changedBy: { name: "Mia" },
      }),
    ).toMatchObject({ label: "Opted out of SMS", detail: "By Mia in Waymark" });
    expect(shown("$subscription_changed", { channel: "all", status: "subscribed" })).toMatchObject({
      label: "Opted in to all channels",
      detail: null,
    });
    expect(shown("$subscription_changed", { status: "subscribed" }).label).toBe(
      "Opted in to a channel",
    );
    expect(shown("$something_new", {})).toMatchObject({ label: "$something_new", system: true });
  });

  it("reads in the viewer's language, attribute names and values as stored", () => {
    expect(
      shown(
        "$attributes_changed",
        { set: { plan: "pro" }, unset: ["trial"], changedBy: { name: "Mia" } },
        zh as typeof en,
      ),
    ).toMatchObject({ label: "属性已编辑", detail: "操作人：Mia: plan: pro; 移除了 trial" });
    expect(
      shown("$subscription_changed", { channel: "sms", status: "unsubscribed" }, zh as typeof en)
        .label,
    ).toBe("已退订短信");
  });
});
