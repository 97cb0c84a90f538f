import type { TMessageEventType } from "@/db/schema";
import type { TSendChannel } from "@/lib/channels/types";

/** Segment's Email spec names, so these are data (stored as event names), not labels. */
const EVENT_PREFIX: Record<TSendChannel, string> = {
  email: "Email",
  sms: "SMS",
  push: "Push",
  voice: "Voice Call",
  in_app: "In-App Message",
  webhook: "Webhook",
};

const ACTION: Partial<Record<TMessageEventType, string>> = {
  sent: "Sent",
  delivered: "Delivered",
  failed: "Failed",
  bounced: "Bounced",
  opened: "Opened",
  clicked: "Link Clicked",
  replied: "Replied",
  seen: "Seen",
  dismissed: "Dismissed",
};

/**
 * The contact event a message event becomes, named as Segment's Email spec names them
 * ("Email Opened", "Email Link Clicked", "Unsubscribed"), so segments and journey branches can use
 * them like any tracked event. Null for bookkeeping states nobody segments on.
 */
export function contactEventNameFor(channel: TSendChannel, type: TMessageEventType): string | null {
  if (type === "unsubscribed") return "Unsubscribed";
  const action = ACTION[type];
  return action ? `${EVENT_PREFIX[channel]} ${action}` : null;
}
