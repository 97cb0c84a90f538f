import type { TFormatContext } from "./envelopes";
import type { TStreamEvent } from "./stream-event";

/**
 * Amazon Pinpoint's event-stream record (../shared/pinpoint-formats.md §6), so consumers written
 * for Pinpoint's Kinesis stream keep working: `event_type` (`_email.delivered`, `_SMS.SUCCESS`,
 * `_journey.send`…), `event_timestamp` and `arrival_timestamp` in epoch milliseconds,
 * `application`, `client`, `attributes` (strings: `campaign_id`, `treatment_id`, `journey_id`,
 * `journey_activity_id`…) and, for email, `facets.email_channel.mail_event`. Every record also
 * carries `attributes.waymark_event_id` (the de-duplication key) and `waymark_event_type`.
 * Events Pinpoint had no name for (journey entries, contact changes) keep Waymark's type.
 */

type TOrigin = {
  kind?: string;
  journeyId?: string;
  nodeId?: string;
  runId?: string;
  campaignId?: string;
  treatment?: number;
};

const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v));

function emailType(status: string, detail: Record<string, unknown>): string | null {
  switch (status) {
    case "sent":
      return "_email.send";
    case "delivered":
      return "_email.delivered";
    case "failed":
      return "_email.rejected";
    case "bounced":
      return detail.bounceType === "soft" || detail.kind === "soft"
        ? "_email.softbounce"
        : "_email.hardbounce";
    case "complained":
      return "_email.complaint";
    case "opened":
      return "_email.open";
    case "clicked":
      return "_email.click";
    case "unsubscribed":
      return "_email.unsubscribe";
    default:
      return null;
  }
}

function smsType(status: string): string | null {
  switch (status) {
    case "sent":
      return "_SMS.BUFFERED";
    case "delivered":
      return "_SMS.SUCCESS";
    case "failed":
    case "bounced":
      return "_SMS.FAILURE";
    case "unsubscribed":
      return "_SMS.OPTOUT";
    case "replied":
      return "_SMS.RECEIVED";
    default:
      return null;
  }
}

const SMS_RECORD_STATUS: Record<string, string> = {
  sent: "SUCCESSFUL",
  delivered: "DELIVERED",
  failed: "UNREACHABLE",
  bounced: "INVALID",
  unsubscribed: "OPTED_OUT",
  replied: "RECEIVED",
};

/** A journey send's status in Pinpoint's words, from the skip reason where there is one. */
function journeySendStatus(status: string, reason: string | undefined): string {
  if (status === "sent" || status === "delivered" || status === "queued") return "SUCCESS";
  const r = (reason ?? "").toLowerCase();
  if (r.includes("quiet")) return "QUIET_TIME";
  if (r.includes("cap")) return "DAILY_CAP";
  if (r.includes("throttl") || r.includes("rate")) return "THROTTLED";
  if (r.includes("no provider") || r.includes("channel")) return "UNSUPPORTED_CHANNEL";
  return status === "failed" ? "FAILURE" : "FAILURE_PERMANENT";
}

function messageEventType(
  channel: string,
  status: string,
  origin: TOrigin,
  detail: Record<string, unknown>,
) {
  const byChannel =
    channel === "email" ? emailType(status, detail) : channel === "sms" ? smsType(status) : null;
  if (byChannel) return byChannel;
  if (["sent", "failed", "skipped"].includes(status)) {
    if (origin.kind === "journey") return "_journey.send";
    if (origin.kind === "campaign") return "_campaign.send";
  }
  return null;
}

export function toPinpointRecord(e: TStreamEvent, ctx: TFormatContext): Record<string, unknown> {
  const d = e.data;
  const attributes: Record<string, string> = {
    waymark_event_id: e.id,
    waymark_event_type: e.type,
  };
  const put = (k: string, v: unknown) => {
    const s = str(v);
    if (s !== undefined) attributes[k] = s;
  };
  let eventType: string = e.type;
  let facets: Record<string, unknown> | undefined;
  if (e.type.startsWith("message.")) {
    const status = e.type.slice("message.".length);
    const channel = String(d.channel ?? "");
    const origin = (d.origin ?? {}) as TOrigin;
    const detail = (d.detail ?? {}) as Record<string, unknown>;
    eventType = messageEventType(channel, status, origin, detail) ?? e.type;
    put("message_id", d.messageId);
    put("channel", channel.toUpperCase());
    if (origin.kind === "campaign") {
      put("campaign_id", origin.campaignId);
      put("campaign_activity_id", origin.runId);
      put("treatment_id", origin.treatment);
      if (eventType === "_campaign.send")
        put("campaign_send_status", status === "sent" ? "SUCCESS" : "FAILURE");
    }
    if (origin.kind === "journey") {
      put("journey_id", origin.journeyId);
      put("journey_activity_id", origin.nodeId);
      put("journey_run_id", origin.runId);
      if (eventType === "_journey.send") {
        put("journey_activity_type", channel.toUpperCase());
        put("journey_send_status", journeySendStatus(status, str(d.reason)));
        put("journey_send_status_message", d.reason);
      }
    }
    if (status === "clicked") put("feedback", detail.url);
    else if (channel === "email") put("feedback", status);
    if (channel === "sms") {
      put("destination_phone_number", d.recipient);
      put("record_status", SMS_RECORD_STATUS[status] ?? status.toUpperCase());
      put("sender_request_id", d.providerMessageId);
    }
    if (d.reason) put("reason", d.reason);
    if (channel === "email") {
      const kind = eventType.replace("_email.", "");
      facets = {
        email_channel: {
          mail_event: {
            mail: {
              message_id: str(d.providerMessageId) ?? str(d.messageId),
              destination: d.recipient ? [String(d.recipient)] : [],
            },
            [kind]: { ...detail, timestamp: Date.parse(e.occurredAt) },
          },
        },
      };
    }
  } else if (e.type.startsWith("journey.")) {
    put("journey_id", d.journeyId);
    put("journey_run_id", d.entryId);
    put("journey_activity_id", d.nodeId);
    put("journey_version", d.version);
    put("outcome", d.outcome);
    put("reason", d.reason);
  } else if (e.type.startsWith("campaign.")) {
    eventType = e.type === "campaign.run_sending" ? "_campaign.send" : e.type;
    put("campaign_id", d.campaignId);
    put("campaign_activity_id", d.runId);
    put("campaign_send_status", String(d.status ?? "").toUpperCase());
    put("delivery_type", String(d.channel ?? "").toUpperCase());
  } else if (e.type === "contact.opted_out") {
    eventType =
      d.channel === "sms" ? "_SMS.OPTOUT" : d.channel === "email" ? "_email.unsubscribe" : e.type;
    put("channel", String(d.channel ?? "").toUpperCase());
    put("source", d.source);
  } else if (e.type.startsWith("contact.")) {
    put("channel", d.channel);
  }
  const endpoint = {
    ChannelType: str(d.channel)?.toUpperCase(),
    Address: str(d.recipient),
    User: { UserId: e.contact?.userId ?? undefined },
  };
  return {
    event_type: eventType,
    event_timestamp: Date.parse(e.occurredAt),
    arrival_timestamp: Date.parse(e.recordedAt),
    event_version: "3.1",
    application: { app_id: ctx.applicationId, sdk: {} },
    client: { client_id: e.contact?.id ?? "" },
    device: { platform: {} },
    session: {},
    attributes,
    metrics: {},
    client_context: { custom: { endpoint: JSON.stringify(endpoint) } },
    ...(facets ? { facets } : {}),
  };
}
