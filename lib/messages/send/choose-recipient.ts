import type { TContact } from "@/db/schema";
import type { TPushTarget, TSendChannel } from "@/lib/channels/types";
import { channelStates } from "@/lib/contacts/contact-profile";
import { sourceLabel } from "@/lib/contacts/channel-labels";
import { channelInSentence } from "@/lib/channels/channel-meta";

type TReach = Parameters<typeof channelStates>[1];

export type TRecipient = { address: string; pushTargets?: TPushTarget[] };

/**
 * Where a message to this contact goes on this channel, or why it cannot go at all: no address,
 * or an opt-out (global or per channel). Webhooks call the workspace's endpoint about the contact,
 * so only a global opt-out stops them.
 */
export function chooseRecipient(
  channel: TSendChannel,
  contact: TContact,
  reach: TReach,
): { ok: true; recipient: TRecipient } | { ok: false; reason: string } {
  const { global, channels } = channelStates(contact, reach);
  if (global?.status === "unsubscribed")
    return {
      ok: false,
      reason: `opted out of all messages (${sourceLabel(global.source ?? "api")})`,
    };
  if (channel === "webhook")
    return { ok: true, recipient: { address: contact.externalId ?? contact.id } };
  const state = channels.find((c) => c.channel === channel);
  if (state?.status === "unsubscribed")
    return {
      ok: false,
      reason: `opted out of ${channelInSentence(channel)} (${sourceLabel(state.source ?? "api")})`,
    };
  switch (channel) {
    case "email":
      return contact.email
        ? { ok: true, recipient: { address: contact.email } }
        : { ok: false, reason: "no email address" };
    case "sms":
    case "voice":
      return contact.phone
        ? { ok: true, recipient: { address: contact.phone } }
        : { ok: false, reason: "no phone number" };
    case "push": {
      const targets = reach.pushTokens.map((t) => ({ platform: t.platform, token: t.token }));
      return targets.length
        ? {
            ok: true,
            recipient: {
              // The log and its search show who it went to; the device count follows.
              address: `${contact.externalId ?? contact.email ?? contact.phone ?? contact.id} · ${targets.length} device${targets.length === 1 ? "" : "s"}`,
              pushTargets: targets,
            },
          }
        : { ok: false, reason: "no push token" };
    }
    case "in_app":
      return contact.externalId
        ? { ok: true, recipient: { address: contact.externalId } }
        : { ok: false, reason: "no user id (anonymous visitors have no in-app inbox)" };
  }
}
