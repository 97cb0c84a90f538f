import { describe, expect, it } from "vitest";
import type { TContact } from "@/db/schema";
import { SEND_CHANNELS } from "@/lib/channels/types";
import { SOURCE_LABELS } from "@/lib/contacts/channel-labels";
import {
  SUPPRESSION_REASON_LABELS,
  suppressedSkipReason,
} from "@/lib/deliverability/suppression-labels";
import { chooseRecipient } from "@/lib/messages/send/choose-recipient";
import { FREQUENCY_CAP_REASON } from "@/lib/messages/send/frequency-cap";
import { topicSkipReason } from "@/lib/topics/check-topic";
import { reasonMessage } from "./reason-message";

// Every reason is made by the code that writes it, so a reworded writer fails here, not in the
// log of a Vietnamese marketer.
const nobody = { id: "c-1", externalId: null, email: null, phone: null } as TContact;
const reach = (subscriptions: { channel: string; status: string; source: string }[] = []) =>
  ({ subscriptions, pushTokens: [] }) as unknown as Parameters<typeof chooseRecipient>[2];
const reasonOf = (r: ReturnType<typeof chooseRecipient>) => (r.ok ? "" : r.reason);

describe("reasonMessage", () => {
  it("reads every missing-address reason chooseRecipient writes", () => {
    const keys = SEND_CHANNELS.filter((c) => c !== "webhook").map(
      (c) => reasonMessage(reasonOf(chooseRecipient(c, nobody, reach())))?.key,
    );
    expect(keys).toEqual(
      SEND_CHANNELS.filter((c) => c !== "webhook").map(
        (c) =>
          ({
            email: "noEmailAddress",
            sms: "noPhoneNumber",
            voice: "noPhoneNumber",
            push: "noPushToken",
            in_app: "noUserId",
          })[c as string],
      ),
    );
  });

  it("reads opt-outs, global and per channel, with the source as its code", () => {
    for (const source of Object.keys(SOURCE_LABELS)) {
      const all = chooseRecipient(
        "sms",
        nobody,
        reach([{ channel: "all", status: "unsubscribed", source }]),
      );
      expect(reasonMessage(reasonOf(all))).toEqual({ key: "optedOutAll", values: { source } });
      for (const channel of ["email", "sms", "push", "voice", "in_app"] as const) {
        const own = chooseRecipient(
          channel,
          nobody,
          reach([{ channel, status: "unsubscribed", source }]),
        );
        expect(reasonMessage(reasonOf(own))).toEqual({
          key: "optedOutChannel",
          values: { channel, source },
        });
      }
    }
  });

  it("reads suppressions and topic opt-outs", () => {
    for (const code of Object.keys(SUPPRESSION_REASON_LABELS))
      expect(reasonMessage(suppressedSkipReason(code))).toEqual({
        key: "suppressed",
        values: { suppression: code },
      });
    expect(reasonMessage(topicSkipReason({ name: 'Weekly "deals"' }))).toEqual({
      key: "topicOptOut",
      values: { topic: 'Weekly "deals"' },
    });
  });

  it("keeps a provider's or Liquid's own words as the detail, and leaves unknown text alone", () => {
    expect(reasonMessage("provider error: connect ECONNREFUSED 127.0.0.1:25")).toEqual({
      key: "providerError",
      values: { detail: "connect ECONNREFUSED 127.0.0.1:25" },
    });
    expect(reasonMessage("template error: undefined filter: shout")?.key).toBe("templateError");
    expect(reasonMessage("no provider for sms")).toEqual({
      key: "noProvider",
      values: { channel: "sms" },
    });
    expect(reasonMessage("the template has no published version")?.key).toBe("noPublishedVersion");
    expect(reasonMessage(FREQUENCY_CAP_REASON)?.key).toBe("frequencyCap");
    expect(reasonMessage("SES MessageRejected: Email address is not verified.")).toBeNull();
    expect(reasonMessage("no idea")).toBeNull();
  });
});
