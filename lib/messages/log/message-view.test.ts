import { describe, expect, it } from "vitest";
import { readMessageContent } from "./message-content";
import { describeMessageEvent } from "./message-event-labels";
import { describeOrigin } from "./message-origin";

describe("describeOrigin", () => {
  it("names journeys, campaigns and test sends, linking to what sent them", () => {
    expect(
      describeOrigin(
        { kind: "journey", journeyId: "j1", version: 3, nodeId: "3f2a9c1b-7e44-4c1d", runId: "r" },
        "acme",
      ),
    ).toEqual({
      kind: "journey",
      label: "Journey",
      labelKey: "journey",
      detail: "step 3f2a9c1b… · v3",
      href: "/w/acme/journeys/j1",
    });
    // With the names frozen into the published version, people read those instead of ids.
    expect(
      describeOrigin(
        { kind: "journey", journeyId: "j1", version: 3, nodeId: "3f2a9c1b-7e44-4c1d", runId: "r" },
        "acme",
        () => ({ journey: "Welcome journey", step: "Welcome email" }),
      ),
    ).toEqual(expect.objectContaining({ label: "Welcome journey", detail: "Welcome email · v3" }));
    // A journey's own name is data, shown as it is; the generic words go through the catalogue.
    expect(
      describeOrigin({ kind: "journey", journeyId: "j1" }, "acme", () => ({ journey: "Welcome" })),
    ).not.toHaveProperty("labelKey");
    expect(describeOrigin({ kind: "campaign", campaignId: "c 1" }, "acme")).toMatchObject({
      label: "Campaign",
      labelKey: "campaign",
      href: "/w/acme/campaigns/c%201",
    });
    expect(describeOrigin({ kind: "test", userId: "u" }, "acme")).toMatchObject({
      kind: "test",
      label: "Test send",
      href: null,
    });
  });

  it("reads an origin it does not know as its kind, and a broken one as unknown", () => {
    expect(describeOrigin({ kind: "broadcast" }, "acme")).toEqual({
      kind: "other",
      label: "Broadcast",
      detail: null,
      href: null,
    });
    expect(describeOrigin({ kind: "journey" }, "acme")).toMatchObject({
      kind: "other",
      label: "Journey",
    });
    expect(describeOrigin(null, "acme")).toMatchObject({ kind: "other", label: "Unknown" });
  });
});

describe("readMessageContent", () => {
  it("types each channel's content and blanks what is missing instead of failing", () => {
    const email = readMessageContent("email", {
      to: "a@x.test",
      subject: "Hi",
      html: "<p>Hi</p>",
      headers: { "List-Unsubscribe": "<https://u>" },
    });
    expect(email).toEqual({
      channel: "email",
      content: {
        to: "a@x.test",
        from: "",
        subject: "Hi",
        html: "<p>Hi</p>",
        text: "",
        replyTo: null,
        headers: { "List-Unsubscribe": "<https://u>" },
      },
    });
    expect(readMessageContent("sms", { to: "+1", body: 42 })).toEqual({
      channel: "sms",
      content: { to: "+1", from: null, body: "" },
    });
    const push = readMessageContent("push", {
      targets: [{ platform: "ios", token: "abc" }],
      title: "T",
      body: "B",
      data: { k: "v" },
    });
    expect(push).toMatchObject({
      channel: "push",
      content: { targets: [{ platform: "ios", token: "abc" }], data: { k: "v" }, imageUrl: null },
    });
    expect(readMessageContent("in_app", { title: "T", buttons: "nope" })).toMatchObject({
      content: { title: "T", body: "", buttons: [] },
    });
    expect(readMessageContent("webhook", { url: "https://h.test", payload: { a: [1] } })).toEqual({
      channel: "webhook",
      content: { url: "https://h.test", payload: { a: [1] } },
    });
    expect(readMessageContent("voice", null)).toEqual({ channel: "none" });
  });
});

describe("describeMessageEvent", () => {
  it("puts the detail a person looks for first", () => {
    expect(describeMessageEvent("clicked", { url: "https://acme.test/p" })).toMatchObject({
      label: "Clicked",
      primary: "https://acme.test/p",
      tone: "brand",
    });
    expect(describeMessageEvent("failed", { reason: "Mailbox full", code: "552" })).toMatchObject({
      label: "Failed",
      primary: "Mailbox full (552)",
      tone: "red",
    });
    expect(describeMessageEvent("replied", { body: "STOP" })).toMatchObject({ primary: "STOP" });
    expect(describeMessageEvent("queued", {})).toEqual({
      label: "Queued",
      tone: "neutral",
      primary: null,
      hasDetail: false,
    });
  });
});
