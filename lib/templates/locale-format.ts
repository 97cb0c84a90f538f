import { isTimeZone } from "@/lib/validation/time-zone";

/**
 * How Liquid's `date`, `number`, `currency` and `percent` filters format for one contact: in the
 * contact's locale (else English) and time zone (else the workspace's, else UTC). Everything goes
 * through `Intl`, so "March" is "tháng 3" for a Vietnamese contact and "3月" for a Chinese one,
 * and 1234.5 is "1.234,5" or "1,234.5"; a daylight-saving change is the time zone database's
 * business, not ours.
 */
export type TFormatSettings = { locale: string; timeZone: string };

export const DEFAULT_FORMAT_LOCALE = "en";

/** A BCP 47 tag as contacts arrive with it (`vi_VN`, `zh-cn`) made canonical, or null when not one. */
export function canonicalLocale(tag: unknown): string | null {
  if (typeof tag !== "string" || !tag.trim()) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim().replace(/_/g, "-"));
    return canonical ?? null;
  } catch {
    return null;
  }
}

type TScope = {
  contact?: { locale?: unknown; timezone?: unknown; attributes?: Record<string, unknown> };
  workspace?: { timezone?: unknown };
};

/** Read from a render context (render-context.ts); the profile column first, then an attribute. */
export function formatSettingsOf(scope: unknown): TFormatSettings {
  const s = (scope ?? {}) as TScope;
  const locale =
    canonicalLocale(s.contact?.locale) ??
    canonicalLocale(s.contact?.attributes?.locale) ??
    DEFAULT_FORMAT_LOCALE;
  const zones = [s.contact?.timezone, s.contact?.attributes?.timezone, s.workspace?.timezone];
  const timeZone = zones.find(isTimeZone) ?? "UTC";
  return { locale, timeZone };
}

/** `{{ order.placedAt | date: "long" }}`: Intl's styles, besides strftime (`"%d %B %Y"`). */
export const NAMED_DATE_FORMATS: Record<string, Intl.DateTimeFormatOptions> = {
  short: { dateStyle: "short" },
  medium: { dateStyle: "medium" },
  long: { dateStyle: "long" },
  full: { dateStyle: "full" },
  time: { timeStyle: "short" },
  datetime: { dateStyle: "medium", timeStyle: "short" },
  long_datetime: { dateStyle: "long", timeStyle: "short" },
};

/** Formatters are costly to build and a campaign formats the same few thousands of times. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

export function formatNamedDate(date: Date, style: string, s: TFormatSettings): string {
  const options = NAMED_DATE_FORMATS[style]!;
  return cached(
    `d|${s.locale}|${s.timeZone}|${style}`,
    () => new Intl.DateTimeFormat(s.locale, { ...options, timeZone: s.timeZone }),
  ).format(date);
}

/** A number, or a numeric string; anything else is printed as it came. */
export function toNumber(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

const digits = (d: unknown) => {
  const n = toNumber(d);
  return n === null ? undefined : Math.min(20, Math.max(0, Math.trunc(n)));
};

export function formatNumber(v: number, s: TFormatSettings, decimals?: unknown): string {
  const d = digits(decimals);
  return cached(
    `n|${s.locale}|${d ?? ""}`,
    () =>
      new Intl.NumberFormat(
        s.locale,
        d === undefined ? {} : { minimumFractionDigits: d, maximumFractionDigits: d },
      ),
  ).format(v);
}

export const isCurrencyCode = (c: unknown): c is string =>
  typeof c === "string" && /^[A-Za-z]{3}$/.test(c);

export function formatCurrency(v: number, code: string, s: TFormatSettings): string {
  const currency = code.toUpperCase();
  return cached(
    `c|${s.locale}|${currency}`,
    () => new Intl.NumberFormat(s.locale, { style: "currency", currency }),
  ).format(v);
}

export function formatPercent(v: number, s: TFormatSettings, decimals?: unknown): string {
  const d = digits(decimals);
  return cached(
    `p|${s.locale}|${d ?? ""}`,
    () =>
      new Intl.NumberFormat(s.locale, {
        style: "percent",
        ...(d === undefined ? {} : { minimumFractionDigits: d, maximumFractionDigits: d }),
      }),
  ).format(v);
}
