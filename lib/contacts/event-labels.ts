import { displayAttribute } from "./attribute-input";
import { subscriptionChannelLabel } from "@/lib/channels/channel-meta";

/** How the timeline names an event: `track` events keep their own name, `$`-events get words. */
export type TEventLabel = { label: string; detail: string | null; system: boolean };

const str = (v: unknown) => (typeof v === "string" && v ? v : null);
const obj = (v: unknown) =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const list = (keys: string[], max = 4) =>
  keys.length > max
    ? `${keys.slice(0, max).join(", ")} and ${keys.length - max} more`
    : keys.join(", ");
const short = (v: unknown) => {
  const text = displayAttribute(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};
const byWhom = (p: Record<string, unknown>) => {
  const who = obj(p.changedBy);
  return str(who.name) ?? str(who.email);
};

export function describeEvent(name: string, properties: Record<string, unknown>): TEventLabel {
  const system = name.startsWith("$");
  switch (name) {
    case "$identify": {
      const keys = Object.keys(properties).filter((k) => !k.startsWith("$"));
      return {
        label: "Profile updated by the API",
        detail: keys.length ? `Sent ${list(keys)}` : null,
        system,
      };
    }
    case "$page":
      return {
        label: "Viewed a page",
        detail: str(properties.name) ?? str(properties.path) ?? str(properties.url),
        system,
      };
    case "$screen":
      return { label: "Viewed a screen", detail: str(properties.name), system };
    case "$alias":
      return { label: "Linked an earlier id", detail: str(properties.previousId), system };
    case "$attributes_changed": {
      // "plan: pro → enterprise, renewsOn: 2027-01-31; removed trial"
      const previous = obj(properties.previous);
      const set = Object.entries(obj(properties.set)).map(
        ([k, v]) => `${k}: ${k in previous ? `${short(previous[k])} → ` : ""}${short(v)}`,
      );
      const unset = Array.isArray(properties.unset)
        ? properties.unset.filter((k): k is string => typeof k === "string")
        : [];
      const parts = [
        set.length ? list(set, 3) : null,
        unset.length ? `removed ${list(unset)}` : null,
      ].filter(Boolean);
      const who = byWhom(properties);
      return {
        label: "Attributes edited",
        detail: [who ? `By ${who}` : null, parts.join("; ")].filter(Boolean).join(": ") || null,
        system,
      };
    }
    case "$subscription_changed": {
      const channel = str(properties.channel) ?? "a channel";
      const out = properties.status === "unsubscribed";
      const label = `${out ? "Opted out of" : "Opted in to"} ${subscriptionChannelLabel(channel, true)}`;
      const who = byWhom(properties);
      return { label, detail: who ? `By ${who} in Waymark` : null, system };
    }
    default:
      return { label: name, detail: null, system };
  }
}
