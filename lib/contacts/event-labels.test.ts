import { describe, expect, it } from "vitest";
import { describeEvent } from "./event-labels";

describe("event labels", () => {
  it("keeps track events' own names", () => {
    expect(describeEvent("Order Completed", { total: 3 })).toEqual({
      label: "Order Completed",
      detail: null,
      system: false,
    });
  });

  it("puts $-events in words", () => {
    expect(
      describeEvent("$identify", { email: "a@b.c", plan: "pro", $unset: ["x"] }),
    ).toMatchObject({
      label: "Profile updated by the API",
      detail: "Sent email, plan",
      system: true,
    });
    expect(describeEvent("$page", { path: "/pricing" })).toMatchObject({
      label: "Viewed a page",
      detail: "/pricing",
    });
    expect(describeEvent("$screen", { name: "Home" })).toMatchObject({
      label: "Viewed a screen",
      detail: "Home",
    });
    expect(describeEvent("$alias", { previousId: "anon-1" })).toMatchObject({
      label: "Linked an earlier id",
      detail: "anon-1",
    });
    expect(
      describeEvent("$attributes_changed", {
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
      describeEvent("$subscription_changed", {
        channel: "sms",
        status: "unsubscribed",
        changedBy: { name: "Mia" },
      }),
    ).toMatchObject({ label: "Opted out of SMS", detail: "By Mia in Waymark" });
    expect(
      describeEvent("$subscription_changed", { channel: "all", status: "subscribed" }),
    ).toMatchObject({ label: "Opted in to all channels", detail: null });
    expect(describeEvent("$something_new", {})).toMatchObject({
      label: "$something_new",
      system: true,
    });
  });
});
