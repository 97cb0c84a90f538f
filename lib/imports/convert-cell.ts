import type { TAttributeType } from "./mapping";

// Client-safe conversions of one CSV cell to the typed value an attribute or channel column holds.

export type TCellResult = { ok: true; value: unknown } | { ok: false; message: string };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const YES = new Set(["true", "yes", "y", "1"]);
const NO = new Set(["false", "no", "n", "0"]);

/** true/false, yes/no, y/n, 1/0 in any case; null for anything else. */
export function parseYesNo(raw: string): boolean | null {
  const v = raw.trim().toLowerCase();
  return YES.has(v) ? true : NO.has(v) ? false : null;
}

function realDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An ISO date stays a date (`2026-03-31`); a date-time becomes UTC ISO, reading one without an offset as UTC. */
export function parseIsoDate(raw: string): string | null {
  const day = DATE.exec(raw);
  if (day) return realDay(+day[1]!, +day[2]!, +day[3]!) ? raw : null;
  const dt = DATE_TIME.exec(raw);
  if (
    !dt ||
    !realDay(+dt[1]!, +dt[2]!, +dt[3]!) ||
    +dt[4]! > 23 ||
    +dt[5]! > 59 ||
    +(dt[6] ?? 0) > 59
  )
    return null;
  const ms = Date.parse(dt[7] ? raw.replace(" ", "T") : `${raw.replace(" ", "T")}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function convertAttribute(raw: string, type: TAttributeType): TCellResult {
  switch (type) {
    case "text":
      return { ok: true, value: raw };
    case "number": {
      const n = Number(raw);
      return NUMBER.test(raw) && Number.isFinite(n)
        ? { ok: true, value: n }
        : { ok: false, message: "must be a number like 1234.5" };
    }
    case "boolean": {
      const b = parseYesNo(raw);
      return b === null
        ? { ok: false, message: "must be true/false, yes/no or 1/0" }
        : { ok: true, value: b };
    }
    case "date": {
      const d = parseIsoDate(raw);
      return d === null
        ? { ok: false, message: "must be a date like 2026-03-31 or 2026-03-31T14:30:00Z" }
        : { ok: true, value: d };
    }
    case "list":
      // Any of , ; | separates items: spreadsheets and other tools disagree on which.
      return {
        ok: true,
        value: raw
          .split(/[,;|]/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
  }
}

/** A channel column: yes/no flags read through the column's meaning; the words subscribed/unsubscribed as they are. */
export function convertChannel(raw: string, meaning: "opt_out" | "opt_in"): TCellResult {
  const v = raw.trim().toLowerCase();
  if (v === "subscribed" || v === "unsubscribed") return { ok: true, value: v };
  const yes = parseYesNo(v);
  if (yes === null)
    return { ok: false, message: "must be yes/no, true/false, 1/0, subscribed or unsubscribed" };
  const subscribed = meaning === "opt_in" ? yes : !yes;
  return { ok: true, value: subscribed ? "subscribed" : "unsubscribed" };
}
