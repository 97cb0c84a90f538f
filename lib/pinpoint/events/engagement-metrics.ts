import type { TPinpointHistoryKind } from "@/db/queries/pinpoint-history";
import { engagementEventOf } from "./engagement-names";

/**
 * What each imported Pinpoint engagement type counts as on the overview dashboard (`Imported from
 * Pinpoint`, db/queries/pinpoint-history.ts): its channel and stage. Only events that carry
 * `pinpointEventType` (set by the event-stream import, engagement-names.ts) are counted, so
 * Waymark's own messages' `Email Opened` events never are. Types kept under their Pinpoint names
 * (`_campaign.send`, `_email.complaint`, sessions, custom events) carry no such property and are
 * not counted.
 */
const KINDS: [
  type: string,
  channel: TPinpointHistoryKind["channel"],
  metric: TPinpointHistoryKind["metric"],
][] = [
  ["_email.send", "email", "sent"],
  ["_email.delivered", "email", "delivered"],
  ["_email.open", "email", "opened"],
  ["_email.click", "email", "clicked"],
  ["_email.hardbounce", "email", "bounced"],
  ["_email.softbounce", "email", "bounced"],
  ["_email.rejected", "email", "failed"],
  ["_email.rendering_failure", "email", "failed"],
  ["_email.unsubscribe", "email", "unsubscribed"],
  ["_SMS.BUFFERED", "sms", "sent"],
  ["_SMS.SUCCESS", "sms", "delivered"],
  ["_SMS.FAILURE", "sms", "failed"],
  ["_SMS.OPTOUT", "sms", "unsubscribed"],
  ["_SMS.RECEIVED", "sms", "replied"],
  ["_campaign.received_foreground", "push", "delivered"],
  ["_campaign.received_background", "push", "delivered"],
  ["_journey.received_foreground", "push", "delivered"],
  ["_journey.received_background", "push", "delivered"],
  ["_campaign.opened_notification", "push", "opened"],
  ["_journey.opened_notification", "push", "opened"],
];

export const PINPOINT_HISTORY_KINDS: TPinpointHistoryKind[] = KINDS.map(
  ([type, channel, metric]) => {
    const stored = engagementEventOf(type, {});
    if (!stored) throw new Error(`${type} has no Waymark name`);
    return { type, name: stored.name, channel, metric };
  },
);
