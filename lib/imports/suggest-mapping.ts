import { parseIsoDate, parseYesNo } from "./convert-cell";
import {
  REPORT_COLUMNS,
  type TAttributeType,
  type TColumnTarget,
  type TImportChannel,
  type TProfileField,
} from "./mapping";

// Client-safe: a first guess at the mapping from header names and sample values, which people then correct.

const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Header spellings of the user id, best first: a plain `id` only counts when nothing better exists. */
const USER_ID_NAMES = [
  "userid",
  "externalid",
  "customerid",
  "contactid",
  "memberid",
  "accountid",
  "uid",
  "user",
  "customer",
  "id",
];
const FIELD_NAMES: Record<TProfileField, string[]> = {
  email: ["email", "emailaddress", "mail"],
  phone: [
    "phone",
    "phonenumber",
    "mobile",
    "mobilephone",
    "mobilenumber",
    "cell",
    "cellphone",
    "tel",
    "telephone",
    "msisdn",
  ],
  timezone: ["timezone", "tz", "timezonename"],
  locale: ["locale", "language", "lang"],
  country: ["country", "countrycode"],
  city: ["city", "town"],
};
const LIST_NAMES = new Set(["tags", "labels", "interests", "lists", "groups"]);
const CHANNEL_PREFIXES: [string, TImportChannel][] = [
  ["email", "email"],
  ["sms", "sms"],
  ["text", "sms"],
  ["push", "push"],
  ["voice", "voice"],
  ["inapp", "in_app"],
];
const OPT_OUT = /(optout|optedout|unsubscribed|unsubscribe|donotcontact|donotemail)$/;
const OPT_IN = /(optin|optedin|subscribed|consent)$/;

function channelOf(n: string): Extract<TColumnTarget, { kind: "channel" }> | null {
  const meaning = OPT_OUT.test(n) ? "opt_out" : OPT_IN.test(n) ? "opt_in" : null;
  if (!meaning) return null;
  const channel = CHANNEL_PREFIXES.find(([p]) => n.startsWith(p))?.[1] ?? "all";
  return { kind: "channel", channel, meaning };
}

/** `First Name`, `first_name` and `FirstName` all become `firstName`; `VIP` becomes `vip`. */
export function attributeName(header: string, index: number): string {
  const words = header
    .trim()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (w.length > 1 && w === w.toUpperCase() ? w.toLowerCase() : w));
  if (!words.length) return `column${index + 1}`;
  return words
    .map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1)))
    .join("")
    .slice(0, 128);
}

/** The narrowest type every sample value fits; leading zeros (zip codes, ids) stay text. */
export function inferType(samples: string[]): TAttributeType {
  const vals = samples.map((s) => s.trim()).filter(Boolean);
  if (!vals.length) return "text";
  if (vals.every((v) => /^[+-]?\d*\.?\d+$/.test(v) && !/^[+-]?0\d/.test(v))) return "number";
  if (vals.every((v) => parseYesNo(v) !== null && !/^[01]$/.test(v))) return "boolean";
  if (vals.every((v) => parseIsoDate(v) !== null)) return "date";
  return "text";
}

export function suggestMapping(header: string[], samples: string[][]): TColumnTarget[] {
  const names = header.map(norm);
  const taken = new Set<string>();
  const out: (TColumnTarget | null)[] = header.map(() => null);

  const idRank = (n: string) => USER_ID_NAMES.indexOf(n);
  const idCol = names
    .map((n, i) => ({ i, r: idRank(n) }))
    .filter((c) => c.r !== -1)
    .sort((a, b) => a.r - b.r || a.i - b.i)[0];
  if (idCol) out[idCol.i] = { kind: "userId" };

  names.forEach((n, i) => {
    if (out[i]) return;
    // An error report uploaded again after fixing it: its own columns are not contact data.
    if ((REPORT_COLUMNS as readonly string[]).includes(header[i]!)) {
      out[i] = { kind: "ignore" };
      return;
    }
    const field = (Object.keys(FIELD_NAMES) as TProfileField[]).find((f) =>
      FIELD_NAMES[f].includes(n),
    );
    if (field && !taken.has(field)) {
      taken.add(field);
      out[i] = { kind: "field", field };
      return;
    }
    // `topic:deals` or `topic_deals` (yes = joined): the topic's key after the prefix.
    const topic = /^topic[:_](.+)$/i
      .exec((header[i] ?? "").trim())?.[1]
      ?.trim()
      .toLowerCase();
    if (topic && /^[a-z0-9][a-z0-9_-]{0,62}$/.test(topic) && !taken.has(`topic:${topic}`)) {
      taken.add(`topic:${topic}`);
      out[i] = { kind: "topic", topic, meaning: "opt_in" };
      return;
    }
    const channel = channelOf(n);
    if (channel && !taken.has(`channel:${channel.channel}`)) {
      taken.add(`channel:${channel.channel}`);
      out[i] = channel;
    }
  });

  return out.map((t, i) => {
    if (t) return t;
    let name = attributeName(header[i] ?? "", i);
    while (taken.has(`attr:${name}`)) name = `${name}${i + 1}`;
    taken.add(`attr:${name}`);
    const type = LIST_NAMES.has(names[i]!) ? "list" : inferType(samples.map((r) => r[i] ?? ""));
    return { kind: "attribute", name, type };
  });
}
