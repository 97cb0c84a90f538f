import { z } from "zod";
import { ZAttributeKey } from "./attributes";
import { formatCursor, parseCursor, type TKeysetCursor } from "@/lib/pagination/keyset-cursor";

/**
 * The contacts list's state, read from the URL so a view can be shared. Parsing is lenient: a
 * hand-edited or stale link drops the parts it cannot read instead of failing the page.
 */
export const CONTACT_FILTERS = ["email", "phone", "push"] as const;
export const CREATED_WINDOWS = ["7", "30", "90"] as const;

export type TContactFilter = (typeof CONTACT_FILTERS)[number];

export type TContactListParams = {
  q: string;
  /** What `q` means (parseSearch), so the query reads it without parsing. */
  search: TSearch;
  has: TContactFilter[];
  optedOut: boolean;
  createdWithinDays: number | null;
  /** Keyset position: rows strictly older than `after`, or strictly newer than `before`. */
  after: TKeysetCursor | null;
  before: TKeysetCursor | null;
};

const ZParam = z.union([z.string(), z.array(z.string())]).optional();
const first = (v: z.infer<typeof ZParam>) => (Array.isArray(v) ? v[0] : v);
const all = (v: z.infer<typeof ZParam>) =>
  v === undefined ? [] : Array.isArray(v) ? v : v.split(",");

export function parseContactListParams(
  raw: Record<string, string | string[] | undefined>,
): TContactListParams {
  const get = (k: string) => ZParam.safeParse(raw[k]).data;
  const created = first(get("created"));
  const after = parseCursor(first(get("after")));
  const q = (first(get("q")) ?? "").trim().slice(0, 200);
  return {
    q,
    search: parseSearch(q),
    has: CONTACT_FILTERS.filter((f) => all(get("has")).includes(f)),
    optedOut: first(get("optout")) === "1",
    createdWithinDays:
      created && (CREATED_WINDOWS as readonly string[]).includes(created) ? Number(created) : null,
    after,
    // Both at once is not a page anyone linked to; `after` wins.
    before: after ? null : parseCursor(first(get("before"))),
  };
}

/** The URL query for a view; `page` replaces the cursor (null means the first page). */
export function contactListQuery(
  p: TContactListParams,
  page: { after?: TKeysetCursor; before?: TKeysetCursor } | null = null,
): string {
  const s = new URLSearchParams();
  if (p.q) s.set("q", p.q);
  for (const h of p.has) s.append("has", h);
  if (p.optedOut) s.set("optout", "1");
  if (p.createdWithinDays) s.set("created", String(p.createdWithinDays));
  if (page?.after) s.set("after", formatCursor(page.after));
  if (page?.before) s.set("before", formatCursor(page.before));
  const out = s.toString();
  return out ? `?${out}` : "";
}

export const hasNarrowing = (p: TContactListParams) =>
  Boolean(p.q || p.has.length || p.optedOut || p.createdWithinDays);

/**
 * What the search box means. `key:value` searches an attribute (and, in case the text is really a
 * user id with a colon, user ids starting with it). Anything else is a prefix of the user id,
 * the email (stored lower-cased) or the phone (stored E.164, so only its digits count).
 */
export type TSearch =
  | { kind: "none" }
  | { kind: "text"; idPrefix: string; emailPrefix: string; phonePrefix: string | null }
  | { kind: "attribute"; key: string; candidates: Record<string, unknown>[]; idPrefix: string };

const NUMBER = /^-?\d+(?:\.\d+)?$/;
const PHONE_LIKE = /^\+?[\d\s().-]+$/;

/** The JSON documents an attribute search is a containment (`@>`) match for, so the GIN index answers it. */
export function attributeCandidates(key: string, rawValue: string): Record<string, unknown>[] {
  const value = rawValue.replace(/^"(.*)"$/, "$1");
  const scalars: unknown[] = [value];
  if (NUMBER.test(value) && Number.isFinite(Number(value))) scalars.push(Number(value));
  if (/^(true|false)$/i.test(value)) scalars.push(value.toLowerCase() === "true");
  // `[v]` matches a list attribute holding v: `{"tags":["vip","beta"]} @> {"tags":["vip"]}`.
  return scalars.flatMap((v) => [{ [key]: v }, { [key]: [v] }]);
}

export function parseSearch(q: string): TSearch {
  const text = q.trim();
  if (!text) return { kind: "none" };
  const colon = text.indexOf(":");
  if (colon > 0) {
    const key = text.slice(0, colon).trim();
    const value = text.slice(colon + 1).trim();
    if (value && ZAttributeKey.safeParse(key).success)
      return {
        kind: "attribute",
        key,
        candidates: attributeCandidates(key, value),
        idPrefix: text,
      };
  }
  const digits = text.replace(/\D/g, "");
  const phonePrefix = PHONE_LIKE.test(text) && digits.length >= 3 ? `+${digits}` : null;
  return { kind: "text", idPrefix: text, emailPrefix: text.toLowerCase(), phonePrefix };
}
