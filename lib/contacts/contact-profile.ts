import { findContactByExternalId, loadContactDetails } from "@/db/queries/contacts";
import type { TContact } from "@/db/schema";
import { CHANNELS } from "@/db/schema";

export type TChannelState = {
  channel: (typeof CHANNELS)[number];
  /** Whether the contact has somewhere to receive it (an email, a phone, a push token). */
  reachable: boolean;
  status: "subscribed" | "unsubscribed";
  /** Where the current status came from; null when the contact never said either way. */
  source: string | null;
  changedAt: Date | null;
};

type TDetails = Awaited<ReturnType<typeof loadContactDetails>>;

/** Per channel: reachable, and opted in or out (a global opt-out overrides every channel). */
export function channelStates(
  contact: Pick<TContact, "email" | "phone" | "externalId">,
  details: Pick<TDetails, "subscriptions" | "pushTokens">,
): { global: TChannelState | null; channels: TChannelState[] } {
  const sub = (c: string) => details.subscriptions.find((s) => s.channel === c);
  const all = sub("all");
  const reachable: Record<(typeof CHANNELS)[number], boolean> = {
    email: Boolean(contact.email),
    sms: Boolean(contact.phone),
    voice: Boolean(contact.phone),
    push: details.pushTokens.length > 0,
    in_app: Boolean(contact.externalId),
  };
  const channels = CHANNELS.map((channel): TChannelState => {
    const own = sub(channel);
    const globalOut = all?.status === "unsubscribed";
    const decisive = globalOut ? all : own;
    return {
      channel,
      reachable: reachable[channel],
      status: decisive?.status ?? "subscribed",
      source: decisive?.source ?? null,
      changedAt: decisive?.changedAt ?? null,
    };
  });
  const global = all
    ? {
        channel: "email" as const,
        reachable: true,
        status: all.status,
        source: all.source,
        changedAt: all.changedAt,
      }
    : null;
  return { global, channels };
}

/** The public API's view of a contact, by the customer's user id. */
export async function contactProfile(workspaceId: string, userId: string) {
  const contact = await findContactByExternalId(workspaceId, userId);
  if (!contact) return null;
  const details = await loadContactDetails(workspaceId, contact.id);
  const { global, channels } = channelStates(contact, details);
  return {
    contact,
    json: {
      userId: contact.externalId,
      email: contact.email,
      phone: contact.phone,
      timezone: contact.timezone,
      locale: contact.locale,
      country: contact.country,
      city: contact.city,
      attributes: contact.attributes,
      anonymousIds: details.anonymousIds,
      pushTokens: details.pushTokens.map((t) => ({
        platform: t.platform,
        token: t.token,
        lastSeenAt: t.lastSeenAt,
      })),
      optedOutEverywhere: global?.status === "unsubscribed",
      channels: Object.fromEntries(
        channels.map((c) => [
          c.channel,
          { reachable: c.reachable, status: c.status, source: c.source, changedAt: c.changedAt },
        ]),
      ),
      eventCount: details.eventCount,
      createdAt: contact.createdAt,
      updatedAt: contact.updatedAt,
      lastSeenAt: contact.lastSeenAt,
    },
  };
}
