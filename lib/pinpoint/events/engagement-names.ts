/**
 * Pinpoint's own engagement events (event stream types `_email.*`, `_SMS.*`, push notification
 * events) under the names Waymark records for its own messages (lib/messages/engagement/
 * message-event-names.ts), so a segment or journey branch on "Email Opened" sees the opens from
 * before the switch as well as the ones after. The Pinpoint type is kept as the `pinpointEventType`
 * property. Types with no Waymark counterpart (`_email.complaint`, `_campaign.send`,
 * `_journey.send`, `_session.*`) and custom events keep their names. The table is in
 * docs/pinpoint-event-history.md.
 */
const NAMES: Record<string, { name: string; properties?: Record<string, string> }> = {
  "_email.send": { name: "Email Sent" },
  "_email.delivered": { name: "Email Delivered" },
  "_email.open": { name: "Email Opened" },
  "_email.click": { name: "Email Link Clicked" },
  "_email.hardbounce": { name: "Email Bounced", properties: { bounceType: "hard" } },
  "_email.softbounce": { name: "Email Bounced", properties: { bounceType: "soft" } },
  "_email.rejected": { name: "Email Failed" },
  "_email.rendering_failure": { name: "Email Failed" },
  "_email.unsubscribe": { name: "Unsubscribed", properties: { channel: "email" } },
  "_SMS.BUFFERED": { name: "SMS Sent" },
  "_SMS.SUCCESS": { name: "SMS Delivered" },
  "_SMS.FAILURE": { name: "SMS Failed" },
  "_SMS.OPTOUT": { name: "Unsubscribed", properties: { channel: "sms" } },
  "_SMS.RECEIVED": { name: "SMS Replied" },
  "_campaign.received_foreground": { name: "Push Delivered" },
  "_campaign.received_background": { name: "Push Delivered" },
  "_campaign.opened_notification": { name: "Push Opened" },
  "_journey.received_foreground": { name: "Push Delivered" },
  "_journey.received_background": { name: "Push Delivered" },
  "_journey.opened_notification": { name: "Push Opened" },
};

export function engagementEventOf(
  eventType: string,
  attributes: Record<string, string>,
): { name: string; properties: Record<string, string> } | null {
  const hit = NAMES[eventType];
  if (!hit) return null;
  const properties: Record<string, string> = { pinpointEventType: eventType, ...hit.properties };
  // `feedback` holds the clicked URL on `_email.click`; Waymark's clicks carry it as `url`.
  if (eventType === "_email.click" && attributes.feedback) properties.url = attributes.feedback;
  return { name: hit.name, properties };
}
