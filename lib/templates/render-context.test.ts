import { describe, expect, it } from "vitest";
import { buildRenderContext } from "./render-context";

describe("buildRenderContext", () => {
  const contact = {
    id: "c-1",
    externalId: "u-1",
    email: "a@b.test",
    phone: "+351910000000",
    timezone: "Europe/Lisbon",
    locale: "pt-PT",
    country: "PT",
    city: "Lisbon",
    attributes: { firstName: "Ana", email: "other@b.test", plan: "pro" },
  };

  it("exposes attributes at both paths, profile columns winning a clash", () => {
    const ctx = buildRenderContext({
      contact,
      event: {
        name: "Bought",
        properties: { sku: "A1" },
        occurredAt: new Date("2026-11-20T10:00:00Z"),
      },
      workspace: { name: "Acme" },
      message: { id: "m-1", unsubscribeUrl: "https://u" },
    });
    expect(ctx.contact).toMatchObject({
      id: "c-1",
      userId: "u-1",
      email: "a@b.test",
      phone: "+351910000000",
      timezone: "Europe/Lisbon",
      locale: "pt-PT",
      country: "PT",
      city: "Lisbon",
      firstName: "Ana",
      plan: "pro",
    });
    expect(ctx.contact.attributes).toEqual(contact.attributes);
    expect(ctx.event).toEqual({
      name: "Bought",
      properties: { sku: "A1" },
      occurredAt: "2026-11-20T10:00:00.000Z",
    });
    expect(ctx.workspace).toEqual({ name: "Acme" });
    expect(ctx.message).toEqual({ id: "m-1", unsubscribeUrl: "https://u" });
  });

  it("has an empty event when the send has no trigger event", () => {
    expect(buildRenderContext({ contact, workspace: { name: "Acme" } }).event).toEqual({
      name: null,
      properties: {},
      occurredAt: null,
    });
  });
});
