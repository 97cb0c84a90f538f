import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { ZAttributes, splitAttributePatch } from "@/lib/contacts/attributes";
import { normalizePhone } from "@/lib/contacts/phone";
import { contextPushToken, eventContext, type TContextOptions } from "./event-context";
import { findNul } from "@/lib/validation/find-nul";
import {
  SCHEMA_BY_TYPE,
  SUBSCRIPTION_CHANNELS,
  ZSubscriptions,
  type TCallType,
  type TIdentifyInput,
} from "./schemas";

type TIdentity = { userId?: string; anonymousId?: string };
type TPushToken = { token: string; platform: "ios" | "android" | "web" };
type TBase = TIdentity & {
  messageId: string;
  occurredAt: Date;
  /** What of Segment's `context` the event keeps (lib/ingest/event-context). */
  context?: Record<string, unknown>;
  /** `context.device.token`, from any call: mobile SDKs send it with every event. */
  deviceTokens: TPushToken[];
};

export type TProfilePatch = {
  email?: string | null;
  phone?: string | null;
  timezone?: string | null;
  locale?: string | null;
  country?: string | null;
  city?: string | null;
  attributes: { set: Record<string, unknown>; unset: string[] };
  pushTokens: TPushToken[];
  /**
   * `context.timezone` and `context.locale`: what the device says, applied only to a contact who
   * has none. A zone set on purpose (an identify field, the UI, an import) is never overwritten by
   * whichever device the contact last used.
   */
  fill?: { timezone?: string; locale?: string };
  subscriptions: Partial<
    Record<"all" | "email" | "sms" | "push" | "voice" | "in_app", "subscribed" | "unsubscribed">
  >;
  /** Subscription topics joined or left, by key (`subscriptions` keys that are not channels). */
  topics: Record<string, "subscribed" | "unsubscribed">;
};

/** One call, validated and reduced to what the store needs. */
export type TOperation =
  | (TBase & { kind: "identify"; profile: TProfilePatch; traits: Record<string, unknown> })
  | (TBase & { kind: "event"; name: string; properties: Record<string, unknown> })
  | (TBase & { kind: "alias"; previousId: string; userId: string })
  | (TBase & {
      kind: "group";
      groupId: string;
      traits: { set: Record<string, unknown>; unset: string[] };
    });

export type TParseResult =
  { ok: true; op: TOperation } | { ok: false; field: string; message: string };

const MAX_FUTURE_MS = 24 * 3600 * 1000;
const fail = (field: string, message: string): TParseResult => ({ ok: false, field, message });
const firstIssue = (e: z.ZodError, prefix = ""): TParseResult => {
  let issue = e.issues[0]!;
  // A bad record key is reported by zod as a wrapper around the key's own issue.
  if (issue.code === "invalid_key" && issue.issues[0])
    issue = { ...issue.issues[0], path: issue.path } as typeof issue;
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
  const message =
    issue.code === "unrecognized_keys"
      ? `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`
      : issue.message;
  return fail(path || "body", message);
};

/**
 * Segment's clock-skew rule, `timestamp = receivedAt − (sentAt − originalTimestamp)`: the device's
 * clock is trusted only for the gap between the event and the send, since `sentAt` and our receipt
 * are moments apart. Segment's libraries (analytics-next, analytics-node) send the device time as
 * `timestamp`, RudderStack's as `originalTimestamp`; Segment renames the former to the latter before
 * correcting, so either one is corrected. When a payload carries both, it has already been through
 * such a pipeline (a replay of Segment or RudderStack data) and its `timestamp` is the corrected
 * one. Without `sentAt` there is nothing to measure the skew against, so the time is kept as sent:
 * that is how a historical import through the HTTP API keeps its dates.
 */
function occurredAt(
  raw: { timestamp?: string; originalTimestamp?: string; sentAt?: string },
  now: Date,
): Date {
  if (raw.timestamp && raw.originalTimestamp) return new Date(raw.timestamp);
  const device = raw.originalTimestamp ?? raw.timestamp;
  if (!device) return now;
  if (!raw.sentAt) return new Date(device);
  // An event can only be recorded before its batch is sent; a negative gap is a client's error,
  // and the event cannot have happened after we received it.
  const gap = Math.max(0, Date.parse(raw.sentAt) - Date.parse(device));
  return new Date(now.getTime() - gap);
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() ? v.trim() : undefined;

const TRAIT_FIELDS = new Set(["email", "phone", "address", "subscriptions"]);

const TOPIC_KEY = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/**
 * `subscriptions` (top level, or `traits.subscriptions` as Segment users send it) split into
 * channel opt-ins/outs and topic choices; the top level wins a key both name.
 */
function splitSubscriptions(
  fromTraits: unknown,
  top: Record<string, "subscribed" | "unsubscribed" | boolean> | undefined,
): Pick<TProfilePatch, "subscriptions" | "topics"> | TParseResult {
  let traitSubs: Record<string, unknown> = {};
  if (fromTraits !== undefined && fromTraits !== null) {
    const parsed = ZSubscriptions.safeParse(fromTraits);
    if (!parsed.success) return firstIssue(parsed.error, "traits.subscriptions");
    traitSubs = parsed.data;
  }
  const subscriptions: TProfilePatch["subscriptions"] = {};
  const topics: TProfilePatch["topics"] = {};
  for (const [source, entries] of [
    ["traits.subscriptions", traitSubs],
    ["subscriptions", top ?? {}],
  ] as const)
    for (const [key, value] of Object.entries(entries)) {
      const status = value === true || value === "subscribed" ? "subscribed" : "unsubscribed";
      if ((SUBSCRIPTION_CHANNELS as readonly string[]).includes(key))
        subscriptions[key as keyof TProfilePatch["subscriptions"]] = status;
      else if (TOPIC_KEY.test(key)) topics[key] = status;
      else
        return fail(
          `${source}.${key}`,
          "is neither a channel nor a topic key (lower-case letters, digits, _ or -)",
        );
    }
  return { subscriptions, topics };
}

function profileOf(input: TIdentifyInput): TProfilePatch | TParseResult {
  const traits = obj(input.traits);
  const ctx = obj(input.context);
  const location = obj(ctx.location);
  const address = obj(traits.address);

  const attrSource: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(traits)) if (!TRAIT_FIELDS.has(k)) attrSource[k] = v;
  const fromTraits = ZAttributes.safeParse(attrSource);
  if (!fromTraits.success) return firstIssue(fromTraits.error, "traits");

  const country =
    input.country !== undefined
      ? input.country
      : (str(address.country) ?? str(location.country) ?? undefined);
  const emailRaw = input.email !== undefined ? input.email : str(traits.email);
  let email: string | null | undefined = emailRaw ?? undefined;
  if (input.email === undefined && emailRaw !== undefined) {
    const parsed = SCHEMA_BY_TYPE.identify.shape.email.safeParse(emailRaw);
    if (!parsed.success) return fail("traits.email", parsed.error.issues[0]!.message);
    email = parsed.data;
  }
  const phoneField = input.phone !== undefined ? "phone" : "traits.phone";
  const phoneRaw = input.phone !== undefined ? input.phone : str(traits.phone);
  let phone: string | null | undefined = phoneRaw === null ? null : undefined;
  if (phoneRaw) {
    phone = normalizePhone(phoneRaw, country?.length === 2 ? country : undefined);
    if (!phone)
      return fail(
        phoneField,
        "must be a valid phone number, in E.164 like +14155550100 or national with a country",
      );
  }

  const subs = splitSubscriptions(traits.subscriptions, input.subscriptions);
  if ("ok" in subs) return subs;

  const shape = SCHEMA_BY_TYPE.identify.shape;
  const ctxZone = str(ctx.timezone);
  const ctxLocale = str(ctx.locale);
  const fill = {
    ...(ctxZone && shape.timezone.safeParse(ctxZone).success ? { timezone: ctxZone } : {}),
    ...(ctxLocale && shape.locale.safeParse(ctxLocale).success ? { locale: ctxLocale } : {}),
  };
  return {
    email,
    phone,
    timezone: input.timezone,
    locale: input.locale,
    ...(Object.keys(fill).length ? { fill } : {}),
    country: country ? country.toUpperCase() : country,
    city: input.city !== undefined ? input.city : (str(address.city) ?? str(location.city)),
    attributes: splitAttributePatch({ ...fromTraits.data, ...(input.attributes ?? {}) }),
    pushTokens: input.pushTokens ?? [],
    ...subs,
  };
}

/** Validates one call of `type` and normalises it; errors name the field as the sender wrote it. */
export function parseCall(
  type: TCallType,
  raw: unknown,
  now: Date,
  opts: TContextOptions = {},
): TParseResult {
  const nul = findNul(raw);
  if (nul) return fail(nul, "must not contain the NUL character (\\u0000)");
  const parsed = SCHEMA_BY_TYPE[type].safeParse(raw);
  if (!parsed.success) return firstIssue(parsed.error);
  const input = parsed.data;
  const when = occurredAt(input, now);
  if (when.getTime() > now.getTime() + MAX_FUTURE_MS)
    return fail("timestamp", "is more than a day in the future");
  const context = eventContext(input.context, opts);
  const token = contextPushToken(input.context);
  const base = {
    messageId: input.messageId ?? `auto-${randomUUID()}`,
    occurredAt: when,
    ...(context ? { context } : {}),
    deviceTokens: token ? [token] : [],
  };

  if ("previousId" in input)
    return {
      ok: true,
      op: { kind: "alias", ...base, previousId: input.previousId, userId: input.userId },
    };
  if (!input.userId && !input.anonymousId)
    return fail("userId", "userId or anonymousId is required");
  const identity = { userId: input.userId, anonymousId: input.anonymousId };

  if ("groupId" in input) {
    const traits = ZAttributes.safeParse(input.traits ?? {});
    if (!traits.success) return firstIssue(traits.error, "traits");
    return {
      ok: true,
      op: {
        kind: "group",
        ...base,
        ...identity,
        groupId: input.groupId,
        traits: splitAttributePatch(traits.data),
      },
    };
  }

  if (type === "identify") {
    const profile = profileOf(input as TIdentifyInput);
    if ("ok" in profile) return profile;
    return {
      ok: true,
      op: {
        kind: "identify",
        ...base,
        ...identity,
        profile,
        traits: obj((input as TIdentifyInput).traits),
      },
    };
  }
  if ("event" in input)
    return {
      ok: true,
      op: {
        kind: "event",
        ...base,
        ...identity,
        name: input.event,
        properties: input.properties ?? {},
      },
    };
  const page = input as { name?: string; category?: string; properties?: Record<string, unknown> };
  const properties = {
    ...(page.properties ?? {}),
    ...(page.name ? { name: page.name } : {}),
    ...(page.category ? { category: page.category } : {}),
  };
  return {
    ok: true,
    op: {
      kind: "event",
      ...base,
      ...identity,
      name: type === "screen" ? "$screen" : "$page",
      properties,
    },
  };
}
