import { describe, expect, it } from "vitest";
import type { TContact } from "@/db/schema";
import { chooseRecipient } from "./choose-recipient";

const contact = (p: Partial<TContact>) =>
  ({ id: "c-1", externalId: null, email: null, phone: null, ...p }) as TContact;
const token = (n: number) => ({ platform: "android", token: `tok-${n}` });
const reach = (tokens: number) =>
  ({
    subscriptions: [],
    pushTokens: Array.from({ length: tokens }, (_, i) => token(i)),
  }) as unknown as Parameters<typeof chooseRecipient>[2];

describe("chooseRecipient for push", () => {
  it("names the contact and counts the devices, so the log shows who it went to", () => {
    expect(chooseRecipient("push", contact({ externalId: "user-42" }), reach(2))).toMatchObject({
      ok: true,
      recipient: { address: "user-42 · 2 devices" },
    });
    expect(chooseRecipient("push", contact({ email: "ada@example.com" }), reach(1))).toMatchObject({
      ok: true,
      recipient: { address: "ada@example.com · 1 device" },
    });
    expect(chooseRecipient("push", contact({}), reach(0))).toEqual({
      ok: false,
      reason: "no push token",
    });
  });
});
