import { displayAttribute } from "./attribute-input";

/**
 * How the timeline names an event: `track` events keep their own name, `$`-events get words.
 * describeEvent says what happened as codes and data (attribute names and values stay as stored);
 * eventLabelText words it with a translator over contacts.timeline.events, so the timeline reads in
 * the viewer's language.
 */
export type TEventLabel = {
  label:
    | { name: string }
    | { key: "identify" | "page" | "screen" | "alias" | "attributesChanged" }
    | { key: "optedOut" | "optedIn"; channel: string };
  detail:
    | { text: string }
    | { key: "sent"; keys: string[] }
    | { key: "attributes"; by: string | null; set: string[]; unset: string[] }
    | { key: "byInWaymark"; by: string }
    | null;
  system: boolean;
};

/** Opt-in and opt-out channels: each send channel, `all` of them, or `any` when none is named. */
const CHANNELS = ["all", "any", "email", "sms", "push", "voice", "in_app", "webhook"] as const;

/** The catalogue keys under contacts.timeline.events that eventLabelText uses. */
export type TEventKey =
  | "identify"
  | "page"
  | "screen"
  | "alias"
  | "attributesChanged"
  | "optedOut"
  | "optedIn"
  | "sent"
  | "by"
  | "byInWaymark"
  | "removed"
  | "andMore"
  | `channel.${(typeof CHANNELS)[number]}`;
export type TEventText = (key: TEventKey, values?: Record<string, string | number>) => string;

const str = (v: unknown) => (typeof v === "string" && v ? v : null);
const obj = (v: unknown) =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const short = (v: unknown) => {
  const text = displayAttribute(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};
const byWhom = (p: Record<string, unknown>) => {
  const who = obj(p.changedBy);
  return str(who.name) ?? str(who.email);
};
const text = (t: string | null) => (t === null ? null : { text: t });

export function describeEvent(name: string, properties: Record<string, unknown>): TEventLabel {
  const system = name.startsWith("$");
  switch (name) {
    case "$identify": {
      const keys = Object.keys(properties).filter((k) => !k.startsWith("$"));
      return {
        label: { key: "identify" },
        detail: keys.length ? { key: "sent", keys } : null,
        system,
      };
    }
    case "$page":
      return {
        label: { key: "page" },
        detail: text(str(properties.name) ?? str(properties.path) ?? str(properties.url)),
        system,
      };
    case "$screen":
      return { label: { key: "screen" }, detail: text(str(properties.name)), system };
    case "$alias":
      return { label: { key: "alias" }, detail: text(str(properties.previousId)), system };
    case "$attributes_changed": {
      // "plan: pro → enterprise, renewsOn: 2027-01-31; removed trial"
      const previous = obj(properties.previous);
      const set = Object.entries(obj(properties.set)).map(
        ([k, v]) => `${k}: ${k in previous ? `${short(previous[k])} → ` : ""}${short(v)}`,
      );
      const unset = Array.isArray(properties.unset)
        ? properties.unset.filter((k): k is string => typeof k === "string")
        : [];
      const by = byWhom(properties);
      return {
        label: { key: "attributesChanged" },
        detail: by || set.length || unset.length ? { key: "attributes", by, set, unset } : null,
        system,
      };
    }
    case "$subscription_changed": {
      const out = properties.status === "unsubscribed";
      const channel = str(properties.channel) ?? "any";
      const by = byWhom(properties);
      return {
        label: { key: out ? "optedOut" : "optedIn", channel },
        detail: by ? { key: "byInWaymark", by } : null,
        system,
      };
    }
    default:
      return { label: { name }, detail: null, system };
  }
}

/** An event's label and detail in words, from a translator over contacts.timeline.events. */
export function eventLabelText(
  e: TEventLabel,
  t: TEventText,
): { label: string; detail: string | null } {
  // "a, b, c, d and 2 more"
  const list = (items: string[], max = 4) =>
    items.length > max
      ? t("andMore", { list: items.slice(0, max).join(", "), count: items.length - max })
      : items.join(", ");
  const channel = (c: string) =>
    (CHANNELS as readonly string[]).includes(c)
      ? t(`channel.${c as (typeof CHANNELS)[number]}`)
      : c;
  const label =
    "name" in e.label
      ? e.label.name
      : "channel" in e.label
        ? t(e.label.key, { channel: channel(e.label.channel) })
        : t(e.label.key);
  const d = e.detail;
  let detail: string | null = null;
  if (d && "text" in d) detail = d.text;
  else if (d?.key === "sent") detail = t("sent", { list: list(d.keys) });
  else if (d?.key === "byInWaymark") detail = t("byInWaymark", { name: d.by });
  else if (d?.key === "attributes") {
    const parts = [
      d.set.length ? list(d.set, 3) : null,
      d.unset.length ? t("removed", { list: list(d.unset) }) : null,
    ].filter(Boolean);
    detail =
      [d.by ? t("by", { name: d.by }) : null, parts.join("; ")].filter(Boolean).join(": ") || null;
  }
  return { label, detail };
}
