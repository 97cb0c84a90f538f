import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { normalizePhone } from "@/lib/contacts/phone";
import type { TOperation, TProfilePatch } from "@/lib/ingest/normalize";
import { isTimeZone } from "@/lib/validation/time-zone";
import type { TChannelType, TEndpointRequest, TEvent } from "./pinpoint-schemas";

/**
 * The one mapping between Pinpoint's endpoints and events and Waymark's contacts, channels and
 * events. The Pinpoint-compatible API uses it for live calls and the Pinpoint importer for
 * exported endpoints, so an endpoint means the same contact whichever way it arrives:
 *
 * - Identity: the endpoint id is the contact's anonymous id; `User.UserId` is its user id. An
 *   endpoint that later names a user is merged into that user, as an anonymous visitor is on a
 *   Segment identify (docs/api.md, "Anonymous visitors").
 * - Address by `ChannelType`: EMAIL → email, SMS/VOICE → phone (E.164), APNS* → iOS push token,
 *   GCM/ADM/BAIDU → Android push token, PUSH → by `Demographic.Platform`; IN_APP and CUSTOM carry
 *   no address.
 * - `OptOut: ALL` opts the contact out of that channel. `NONE` changes nothing: apps re-send it
 *   with every update, and it must not undo an unsubscribe made by link or STOP.
 * - `Attributes` and `User.UserAttributes` (lists of strings) become attributes: a one-value list
 *   its value, a longer list an array; user attributes win over endpoint ones of the same name.
 *   `Metrics` become numeric attributes.
 * - `Demographic.Timezone` and `Locale` fill the contact's zone and locale when it has none;
 *   `Location.Country` (two letters) and `City` set country and city.
 * - Events keep `EventType` as the name, `Attributes` and `Metrics` as properties, the event id as
 *   the idempotency key, and the app, SDK, device and session as the event's context.
 * Everything Pinpoint sent is kept on the endpoint row too, so `GetEndpoint` answers in kind.
 */
export type TMappingResult<T> =
  { ok: true; value: T } | { ok: false; field: string; message: string };

const fail = (field: string, message: string) => ({ ok: false as const, field, message });

const ZEmail = z.string().trim().toLowerCase().pipe(z.email());

export function anonymousIdOf(endpointId: string) {
  return endpointId;
}

type TChannel = "email" | "sms" | "push" | "voice" | "in_app";

export function channelOf(type: TChannelType | undefined): TChannel | undefined {
  if (!type) return undefined;
  if (type === "EMAIL") return "email";
  if (type === "SMS") return "sms";
  if (type === "VOICE") return "voice";
  if (type === "IN_APP") return "in_app";
  if (type === "CUSTOM") return undefined;
  return "push";
}

function pushPlatform(type: TChannelType, platform: string | undefined): "ios" | "android" {
  if (type.startsWith("APNS")) return "ios";
  if (type === "PUSH") return /ios|iphone|ipad/i.test(platform ?? "") ? "ios" : "android";
  return "android";
}

function listValue(values: string[]): unknown {
  return values.length === 1 ? values[0] : values;
}

function attributesOf(endpoint: TEndpointRequest): TMappingResult<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const sources: [string, Record<string, unknown>][] = [
    ["Attributes", endpoint.Attributes ?? {}],
    ["Metrics", endpoint.Metrics ?? {}],
    ["User.UserAttributes", endpoint.User?.UserAttributes ?? {}],
  ];
  for (const [field, values] of sources)
    for (const [name, v] of Object.entries(values)) {
      if (name.startsWith("$")) return fail(`${field}.${name}`, "names cannot start with $");
      out[name] = Array.isArray(v) ? listValue(v as string[]) : v;
    }
  return { ok: true, value: out };
}

/** Pinpoint's `en_US` and BCP 47's `en-US` are both accepted and stored as sent. */
const LOCALE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;

/** The contact changes an endpoint asks for, as the identify operation ingestion applies. */
export function endpointOperation(
  endpointId: string,
  endpoint: TEndpointRequest,
  occurredAt: Date,
  fieldPrefix = "",
): TMappingResult<TOperation> {
  const at = (f: string) => `${fieldPrefix}${f}`;
  const attrs = attributesOf(endpoint);
  if (!attrs.ok) return fail(at(attrs.field), attrs.message);
  const country = endpoint.Location?.Country?.trim();
  const country2 = country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : undefined;
  const profile: TProfilePatch = {
    attributes: { set: attrs.value, unset: [] },
    pushTokens: [],
    subscriptions: {},
    topics: {},
    ...(country2 ? { country: country2 } : {}),
    ...(endpoint.Location?.City ? { city: endpoint.Location.City.slice(0, 100) } : {}),
  };
  const zone = endpoint.Demographic?.Timezone;
  const locale = endpoint.Demographic?.Locale;
  const fill = {
    ...(zone && isTimeZone(zone) ? { timezone: zone } : {}),
    ...(locale && LOCALE.test(locale) ? { locale } : {}),
  };
  if (Object.keys(fill).length) profile.fill = fill;

  const type = endpoint.ChannelType;
  const address = endpoint.Address?.trim();
  if (type && address) {
    if (type === "EMAIL") {
      const email = ZEmail.safeParse(address);
      if (!email.success) return fail(at("Address"), "must be a valid email address for EMAIL");
      profile.email = email.data;
    } else if (type === "SMS" || type === "VOICE") {
      const phone = normalizePhone(address, country2);
      if (!phone)
        return fail(
          at("Address"),
          `must be a phone number in E.164 (like +14155550100) for ${type}`,
        );
      profile.phone = phone;
    } else if (type !== "IN_APP" && type !== "CUSTOM") {
      if (address.length < 8) return fail(at("Address"), "looks too short for a device token");
      profile.pushTokens.push({
        token: address,
        platform: pushPlatform(type, endpoint.Demographic?.Platform),
      });
    }
  }
  const channel = channelOf(type);
  if (endpoint.OptOut === "ALL" && channel) profile.subscriptions[channel] = "unsubscribed";

  const userId = endpoint.User?.UserId;
  return {
    ok: true,
    value: {
      kind: "identify",
      messageId: `pinpoint-endpoint-${randomUUID()}`,
      occurredAt,
      ...(userId ? { userId } : {}),
      anonymousId: anonymousIdOf(endpointId),
      deviceTokens: [],
      context: deviceContext(endpoint),
      profile,
      traits: {},
    },
  };
}

function deviceContext(endpoint: TEndpointRequest | undefined): Record<string, unknown> {
  const d = endpoint?.Demographic;
  const ctx: Record<string, unknown> = { library: { name: "aws-pinpoint" } };
  if (!d) return ctx;
  const device = { manufacturer: d.Make, model: d.Model, modelVersion: d.ModelVersion };
  const os = { name: d.Platform, version: d.PlatformVersion };
  if (Object.values(device).some(Boolean)) ctx.device = device;
  if (Object.values(os).some(Boolean)) ctx.os = os;
  if (d.Locale) ctx.locale = d.Locale;
  if (d.Timezone) ctx.timezone = d.Timezone;
  return ctx;
}

const MAX_FUTURE_MS = 24 * 3600_000;

/** One Pinpoint event as an ingested event of the endpoint's contact. */
export function eventOperation(
  endpointId: string,
  eventId: string,
  event: TEvent,
  endpoint: TEndpointRequest | undefined,
  now: Date,
): TMappingResult<TOperation> {
  const when = new Date(event.Timestamp);
  if (Number.isNaN(when.getTime())) return fail("Timestamp", "must be an ISO 8601 date-time");
  if (when.getTime() > now.getTime() + MAX_FUTURE_MS)
    return fail("Timestamp", "is more than a day in the future");
  if (event.EventType.startsWith("$"))
    return fail("EventType", "names starting with $ are reserved");
  const context = deviceContext(endpoint);
  const app = {
    name: event.AppTitle,
    namespace: event.AppPackageName,
    version: event.AppVersionCode,
  };
  if (Object.values(app).some(Boolean)) context.app = app;
  if (event.SdkName || event.ClientSdkVersion)
    context.library = { name: event.SdkName ?? "aws-pinpoint", version: event.ClientSdkVersion };
  if (event.Session) context.session = event.Session;
  const userId = endpoint?.User?.UserId;
  return {
    ok: true,
    value: {
      kind: "event",
      messageId: eventId,
      occurredAt: when,
      ...(userId ? { userId } : {}),
      anonymousId: anonymousIdOf(endpointId),
      deviceTokens: [],
      context,
      name: event.EventType,
      properties: { ...(event.Attributes ?? {}), ...(event.Metrics ?? {}) },
    },
  };
}

/**
 * An update merged over what the endpoint held: fields sent replace, maps (`Attributes`,
 * `Metrics`, `Demographic`, `Location`, `User.UserAttributes`) merge key by key, as Pinpoint's
 * UpdateEndpoint does.
 */
export function mergeEndpoint(
  stored: TEndpointRequest | undefined,
  update: TEndpointRequest,
): TEndpointRequest {
  if (!stored) return update;
  const merged: TEndpointRequest = { ...stored, ...update };
  for (const k of ["Attributes", "Metrics", "Demographic", "Location"] as const)
    if (stored[k] || update[k])
      (merged as Record<string, unknown>)[k] = { ...stored[k], ...update[k] };
  if (stored.User || update.User) {
    merged.User = { ...stored.User, ...update.User };
    // Only when either side has them: an empty map added here would make an endpoint re-sent
    // unchanged (apps send theirs with every PutEvents) look changed, and be written again.
    if (stored.User?.UserAttributes || update.User?.UserAttributes)
      merged.User.UserAttributes = {
        ...stored.User?.UserAttributes,
        ...update.User?.UserAttributes,
      };
  }
  return merged;
}

/** Pinpoint's `CohortId`: a stable bucket 0–99 of the endpoint id. */
export function cohortOf(endpointId: string): string {
  return String(createHash("sha256").update(endpointId).digest().readUInt32BE(0) % 100);
}

/** A stored endpoint in `EndpointResponse`'s shape. */
export function endpointResponse(
  applicationId: string,
  row: { endpointId: string; data: Record<string, unknown>; createdAt: Date; updatedAt: Date },
) {
  const data = row.data as TEndpointRequest;
  return {
    ...data,
    Id: row.endpointId,
    ApplicationId: applicationId,
    CohortId: cohortOf(row.endpointId),
    CreationDate: row.createdAt.toISOString(),
    EffectiveDate: data.EffectiveDate ?? row.updatedAt.toISOString(),
    EndpointStatus: data.EndpointStatus ?? "ACTIVE",
    OptOut: data.OptOut ?? "NONE",
  };
}
