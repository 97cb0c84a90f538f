import { z } from "zod";
import { MESSAGE_STATUSES } from "@/db/schema";
import { SEND_CHANNELS, type TSendChannel } from "@/lib/channels/types";
import { formatCursor, parseCursor, type TKeysetCursor } from "@/lib/pagination/keyset-cursor";

export type TMessageStatus = (typeof MESSAGE_STATUSES)[number];
export const MESSAGE_KINDS = ["transactional", "bulk"] as const;
export type TMessageKind = (typeof MESSAGE_KINDS)[number];

/** What narrows the message log. Everything is optional; the workspace is never part of it (queries take it apart). */
export type TMessageLogFilter = {
  channel: TSendChannel | null;
  status: TMessageStatus | null;
  /** `outbox`, `smtp`, `twilio`… */
  provider: string | null;
  templateId: string | null;
  contactId: string | null;
  /** Transactional (API and one-time passcodes) or bulk (journeys, campaigns, tests) only. */
  kind: TMessageKind | null;
  /** Part of the recipient (address, number, user id), case-insensitive. */
  q: string;
};

export type TMessageLogParams = TMessageLogFilter & {
  /** Keyset position: rows strictly older than `after`, or strictly newer than `before`. */
  after: TKeysetCursor | null;
  before: TKeysetCursor | null;
};

export const EMPTY_MESSAGE_FILTER: TMessageLogFilter = {
  channel: null,
  status: null,
  provider: null,
  templateId: null,
  contactId: null,
  kind: null,
  q: "",
};

const ZParam = z.union([z.string(), z.array(z.string())]).optional();
const first = (v: unknown) => {
  const parsed = ZParam.safeParse(v).data;
  return Array.isArray(parsed) ? parsed[0] : parsed;
};
const oneOf = <T extends string>(values: readonly T[], v: string | undefined): T | null =>
  v && (values as readonly string[]).includes(v) ? (v as T) : null;
const ZUuid = z.uuid();
const uuidOrNull = (v: string | undefined) =>
  v && ZUuid.safeParse(v).success ? v.toLowerCase() : null;
const PROVIDER = /^[a-z][a-z0-9_-]{0,39}$/;

/**
 * The log's view from the URL, so a filtered log can be shared. Lenient like the contacts list:
 * a stale or hand-edited link loses what it cannot read instead of failing the page.
 */
export function parseMessageLogParams(
  raw: Record<string, string | string[] | undefined>,
): TMessageLogParams {
  const provider = first(raw.provider);
  const after = parseCursor(first(raw.after));
  return {
    channel: oneOf(SEND_CHANNELS, first(raw.channel)),
    status: oneOf(MESSAGE_STATUSES, first(raw.status)),
    provider: provider && PROVIDER.test(provider) ? provider : null,
    templateId: uuidOrNull(first(raw.template)),
    contactId: uuidOrNull(first(raw.contact)),
    kind: oneOf(MESSAGE_KINDS, first(raw.kind)),
    q: (first(raw.q) ?? "").trim().slice(0, 200),
    after,
    before: after ? null : parseCursor(first(raw.before)),
  };
}

/** The URL query for a view; `page` sets the cursor (none means the first page), `extra` adds page-specific keys. */
export function messageLogQuery(
  p: TMessageLogFilter,
  page: { after?: TKeysetCursor; before?: TKeysetCursor } | null = null,
  extra: Record<string, string> = {},
): string {
  const s = new URLSearchParams();
  if (p.channel) s.set("channel", p.channel);
  if (p.status) s.set("status", p.status);
  if (p.provider) s.set("provider", p.provider);
  if (p.templateId) s.set("template", p.templateId);
  if (p.contactId) s.set("contact", p.contactId);
  if (p.kind) s.set("kind", p.kind);
  if (p.q) s.set("q", p.q);
  if (page?.after) s.set("after", formatCursor(page.after));
  if (page?.before) s.set("before", formatCursor(page.before));
  for (const [k, v] of Object.entries(extra)) s.set(k, v);
  const out = s.toString();
  return out ? `?${out}` : "";
}

export const isMessageLogNarrowed = (p: TMessageLogFilter) =>
  Boolean(p.channel || p.status || p.provider || p.templateId || p.contactId || p.kind || p.q);

/** A message id from a URL: anything but a UUID cannot name one, so it is a 404, not a database error. */
export const isMessageId = (raw: string) => ZUuid.safeParse(raw).success;
