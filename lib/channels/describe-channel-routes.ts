import { CHANNEL_META } from "./channel-meta";
import type { TProviderKind } from "./provider-config";
import { SEND_CHANNELS, type TSendChannel } from "./types";

/** A provider as the settings page has it: redacted, so secrets are `{ set }` markers. */
export type TRedactedProvider = { kind: string; config: Record<string, unknown> };

export type TChannelRoute = {
  channel: TSendChannel;
  label: string;
  /** Where the channel's messages go now, in words. */
  destination: string;
  /** The provider kinds delivering it; `outbox` when nothing is configured. */
  via: readonly TProviderKind[];
};

export const OUTBOX_DESTINATION = "Outbox (no provider configured)";

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

function hostOf(url: unknown): string {
  try {
    return new URL(str(url)).host;
  } catch {
    return str(url);
  }
}

function twilioDestination(c: Record<string, unknown>): string {
  const host = hostOf(c.baseUrl);
  return `Twilio-compatible · ${str(c.fromNumber)}${host && host !== "api.twilio.com" ? ` via ${host}` : ""}`;
}

function pushDestination(fcm?: Record<string, unknown>, apns?: Record<string, unknown>): string {
  const account = (fcm?.serviceAccount ?? {}) as Record<string, unknown>;
  const parts = [
    fcm ? `FCM project ${str(account.project_id)}` : null,
    apns ? `APNs team ${str(apns.teamId)}${apns.sandbox ? " (sandbox)" : ""}` : null,
  ];
  return parts.filter(Boolean).join(" + ");
}

/**
 * Where each channel's messages go, mirroring createChannelProvider's routing: the configured
 * provider, else the outbox; in-app always lands in the built-in inbox. Reads only non-secret fields.
 */
export function describeChannelRoutes(providers: readonly TRedactedProvider[]): TChannelRoute[] {
  const find = (kind: TProviderKind) => providers.find((p) => p.kind === kind)?.config;
  const smtp = find("smtp");
  const twilio = find("twilio");
  const fcm = find("fcm");
  const apns = find("apns");
  const webhook = find("webhook");
  const outbox = { destination: OUTBOX_DESTINATION, via: ["outbox"] as const };
  const route = (channel: TSendChannel): Omit<TChannelRoute, "channel" | "label"> => {
    switch (channel) {
      case "email":
        return smtp
          ? { destination: `SMTP ${str(smtp.host)}:${str(smtp.port)}`, via: ["smtp"] }
          : outbox;
      case "sms":
      case "voice":
        return twilio ? { destination: twilioDestination(twilio), via: ["twilio"] } : outbox;
      case "push": {
        const via = [...(fcm ? (["fcm"] as const) : []), ...(apns ? (["apns"] as const) : [])];
        return via.length ? { destination: pushDestination(fcm, apns), via } : outbox;
      }
      case "in_app":
        return { destination: "Built-in inbox", via: ["in_app"] };
      case "webhook":
        return webhook
          ? { destination: `Webhook to ${hostOf(webhook.url)}`, via: ["webhook"] }
          : outbox;
    }
  };
  return SEND_CHANNELS.map((channel) => ({
    channel,
    label: CHANNEL_META[channel].label,
    ...route(channel),
  }));
}
