import { CHANNEL_META } from "./channel-meta";
import type { TProviderKind } from "./provider-config";
import { SEND_CHANNELS, type TSendChannel } from "./types";

/** A provider as the settings page has it: redacted, so secrets are `{ set }` markers. */
export type TRedactedProvider = { kind: string; config: Record<string, unknown> };

/**
 * One part of where a channel goes, as a stable code and its values: the settings page words it in
 * the viewer's language (settings.channelsPage.route.<key>). Push may have two (FCM and APNs).
 */
export type TRoutePart =
  | { key: "outbox" | "inbox" }
  | { key: "ses"; from: string; region: string }
  | { key: "smtp"; host: string; port: string }
  | { key: "awsSms"; identity: string; region: string }
  | { key: "twilio"; from: string }
  | { key: "twilioVia"; from: string; host: string }
  | { key: "fcm"; project: string }
  | { key: "apns" | "apnsSandbox"; team: string }
  | { key: "webhook"; host: string };

export type TChannelRoute = {
  channel: TSendChannel;
  label: string;
  /** Where the channel's messages go now, in English words (the page uses `where`). */
  destination: string;
  where: readonly TRoutePart[];
  /** The provider kinds delivering it; `outbox` when nothing is configured. */
  via: readonly TProviderKind[];
};

export const OUTBOX_DESTINATION = "Outbox (no provider configured)";

/** A part in English, as `destination` has always read. */
function english(p: TRoutePart): string {
  switch (p.key) {
    case "outbox":
      return OUTBOX_DESTINATION;
    case "inbox":
      return "Built-in inbox";
    case "ses":
      return `Amazon SES · ${p.from} · ${p.region}`;
    case "smtp":
      return `SMTP ${p.host}:${p.port}`;
    case "awsSms":
      return `AWS End User Messaging · ${p.identity} · ${p.region}`;
    case "twilio":
      return `Twilio-compatible · ${p.from}`;
    case "twilioVia":
      return `Twilio-compatible · ${p.from} via ${p.host}`;
    case "fcm":
      return `FCM project ${p.project}`;
    case "apns":
      return `APNs team ${p.team}`;
    case "apnsSandbox":
      return `APNs team ${p.team} (sandbox)`;
    case "webhook":
      return `Webhook to ${p.host}`;
  }
}

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

function hostOf(url: unknown): string {
  try {
    return new URL(str(url)).host;
  } catch {
    return str(url);
  }
}

function twilioPart(c: Record<string, unknown>): TRoutePart {
  const host = hostOf(c.baseUrl);
  return host && host !== "api.twilio.com"
    ? { key: "twilioVia", from: str(c.fromNumber), host }
    : { key: "twilio", from: str(c.fromNumber) };
}

function pushParts(fcm?: Record<string, unknown>, apns?: Record<string, unknown>): TRoutePart[] {
  const account = (fcm?.serviceAccount ?? {}) as Record<string, unknown>;
  return [
    ...(fcm ? [{ key: "fcm", project: str(account.project_id) } as const] : []),
    ...(apns
      ? [{ key: apns.sandbox ? "apnsSandbox" : "apns", team: str(apns.teamId) } as const]
      : []),
  ];
}

/**
 * Where each channel's messages go, mirroring createChannelProvider's routing: the configured
 * provider, else the outbox; in-app always lands in the built-in inbox. Reads only non-secret fields.
 */
export function describeChannelRoutes(providers: readonly TRedactedProvider[]): TChannelRoute[] {
  const find = (kind: TProviderKind) => providers.find((p) => p.kind === kind)?.config;
  const smtp = find("smtp");
  const twilio = find("twilio");
  const ses = find("ses");
  const awsSms = find("aws_sms");
  const fcm = find("fcm");
  const apns = find("apns");
  const webhook = find("webhook");
  const outbox = { where: [{ key: "outbox" }], via: ["outbox"] } as const;
  const route = (channel: TSendChannel): Pick<TChannelRoute, "where" | "via"> => {
    switch (channel) {
      // The AWS provider wins when both are set, as in createChannelProvider (CHANNEL_PREFERENCE).
      case "email":
        if (ses)
          return {
            where: [{ key: "ses", from: str(ses.from), region: str(ses.region) }],
            via: ["ses"],
          };
        return smtp
          ? { where: [{ key: "smtp", host: str(smtp.host), port: str(smtp.port) }], via: ["smtp"] }
          : outbox;
      case "sms":
      case "voice":
        if (awsSms)
          return {
            where: [
              {
                key: "awsSms",
                identity: str(awsSms.originationIdentity),
                region: str(awsSms.region),
              },
            ],
            via: ["aws_sms"],
          };
        return twilio ? { where: [twilioPart(twilio)], via: ["twilio"] } : outbox;
      case "push": {
        const via = [...(fcm ? (["fcm"] as const) : []), ...(apns ? (["apns"] as const) : [])];
        return via.length ? { where: pushParts(fcm, apns), via } : outbox;
      }
      case "in_app":
        return { where: [{ key: "inbox" }], via: ["in_app"] };
      case "webhook":
        return webhook
          ? { where: [{ key: "webhook", host: hostOf(webhook.url) }], via: ["webhook"] }
          : outbox;
    }
  };
  return SEND_CHANNELS.map((channel) => {
    const r = route(channel);
    return {
      channel,
      label: CHANNEL_META[channel].label,
      destination: r.where.map(english).join(" + "),
      ...r,
    };
  });
}
