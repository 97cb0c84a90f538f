import { isTimeZone } from "@/lib/validation/time-zone";
import { filters, type Context, type FilterImplOptions, type Liquid } from "liquidjs";
import {
  formatCurrency,
  formatNamedDate,
  formatNumber,
  formatPercent,
  formatSettingsOf,
  isCurrencyCode,
  NAMED_DATE_FORMATS,
  toNumber,
  type TFormatSettings,
} from "./locale-format";

type TFilterThis = { context: Context };

/** The contact's settings, read once per render from the scope the message is rendered with. */
const settingsCache = new WeakMap<object, TFormatSettings>();
function settingsOf(ctx: Context): TFormatSettings {
  const scope = ctx.environments as object;
  let s = settingsCache.get(scope);
  if (!s) {
    s = formatSettingsOf(scope);
    settingsCache.set(scope, s);
  }
  return s;
}

const builtinDate = filters.date as unknown as (
  this: TFilterThis,
  v: unknown,
  format?: unknown,
  zone?: unknown,
) => unknown;

/**
 * `date` as LiquidJS has it (strftime, `"now"`, unix seconds, ISO strings), but in the contact's
 * locale and time zone; a second argument (`date: "%H:%M", "Asia/Tokyo"`) still picks a zone.
 * Named styles (`"long"`, `"datetime"`…, locale-format.ts) go straight to Intl.
 */
function localDate(this: TFilterThis, v: unknown, format?: unknown, zone?: unknown): unknown {
  const s = settingsOf(this.context);
  const timeZone = isTimeZone(zone) ? zone : s.timeZone;
  if (typeof format === "string" && Object.hasOwn(NAMED_DATE_FORMATS, format)) {
    const date =
      v === "now" || v === "today"
        ? new Date()
        : v instanceof Date
          ? v
          : typeof v === "number" || (typeof v === "string" && /^\d+$/.test(v))
            ? new Date(Number(v) * 1000)
            : typeof v === "string"
              ? new Date(v)
              : null;
    if (!date || Number.isNaN(date.getTime())) return v;
    return formatNamedDate(date, format, { locale: s.locale, timeZone });
  }
  // The built-in reads locale and zone from the engine's options: hand it this contact's.
  const context = Object.create(this.context, {
    opts: { value: { ...this.context.opts, locale: s.locale, timezoneOffset: timeZone } },
  }) as Context;
  return builtinDate.call({ ...this, context }, v, format, timeZone);
}

function numberFilter(this: TFilterThis, v: unknown, decimals?: unknown) {
  const n = toNumber(v);
  return n === null ? v : formatNumber(n, settingsOf(this.context), decimals);
}

/** `{{ order.total | currency: "VND" }}`; without a valid ISO 4217 code the number stays as it is. */
function currencyFilter(this: TFilterThis, v: unknown, code?: unknown) {
  const n = toNumber(v);
  if (n === null || !isCurrencyCode(code)) return v;
  try {
    return formatCurrency(n, code, settingsOf(this.context));
  } catch {
    return v;
  }
}

function percentFilter(this: TFilterThis, v: unknown, decimals?: unknown) {
  const n = toNumber(v);
  return n === null ? v : formatPercent(n, settingsOf(this.context), decimals);
}

export const LOCALE_FILTERS: Record<string, FilterImplOptions> = {
  date: localDate as FilterImplOptions,
  number: numberFilter as FilterImplOptions,
  currency: currencyFilter as FilterImplOptions,
  percent: percentFilter as FilterImplOptions,
};

export function registerLocaleFilters(engine: Liquid) {
  for (const [name, impl] of Object.entries(LOCALE_FILTERS)) engine.registerFilter(name, impl);
}
