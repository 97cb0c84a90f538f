import type { loadContactDetails } from "@/db/queries/contacts";
import type { TContact } from "@/db/schema";
import { formatDateTime } from "@/lib/format/dates";
import { channelMissingAddress, subscriptionChannelLabel } from "@/lib/channels/channel-meta";
import { sourceLabel, type TSubscriptionChannel } from "./channel-labels";
import { channelStates } from "./contact-profile";

type TDetails = Pick<
  Awaited<ReturnType<typeof loadContactDetails>>,
  "subscriptions" | "pushTokens"
>;
type TSubscription = TDetails["subscriptions"][number];
type TRow = {
  channel: TSubscriptionChannel;
  label: string;
  unreachableReason: string | null;
  status: "subscribed" | "unsubscribed";
  lastChange: string;
};

/**
 * What the profile's channels panel shows: per channel, whether the contact can be reached and
 * its own opt-in state with where and when it last changed; the global switch on top. Reach
 * comes from channelStates(), the same rule sends will use.
 */
export function channelPanel(
  contact: Pick<TContact, "email" | "phone" | "externalId">,
  details: TDetails,
  timeZone: string,
  locale: string = "en",
) {
  const own = (c: string) => details.subscriptions.find((s) => s.channel === c);
  const changeText = (s: TSubscription | undefined, none: string) =>
    s
      ? `${s.status === "unsubscribed" ? "Opted out" : "Opted in"} via ${sourceLabel(s.source)} · ${formatDateTime(s.changedAt, timeZone, locale)}`
      : none;
  const { channels } = channelStates(contact, details);
  const all = own("all");
  const global: TRow = {
    channel: "all",
    label: "All channels",
    unreachableReason: null,
    status: all?.status ?? "subscribed",
    lastChange: changeText(all, "No global opt-out recorded"),
  };
  const rows: TRow[] = channels.map((c) => {
    const mine = own(c.channel);
    return {
      channel: c.channel,
      label: subscriptionChannelLabel(c.channel),
      unreachableReason: c.reachable ? null : channelMissingAddress(c.channel),
      status: mine?.status ?? "subscribed",
      lastChange: changeText(mine, "No choice recorded: subscribed by default"),
    };
  });
  return { global, channels: rows };
}
