import type { TLocale } from "@/lib/i18n/locales";

/** 12,345 · 12.345 (vi) · 12,345 (zh-CN). */
export function formatNumber(n: number, locale: TLocale | string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** 12K · 12 N (vi) · 1.2万 (zh-CN). */
export function formatCompact(n: number, locale: TLocale | string): string {
  return new Intl.NumberFormat(locale, { notation: "compact" }).format(n);
}

/** A ratio (0.125) as a percentage: 12.5%. */
export function formatPercent(ratio: number, locale: TLocale | string, digits = 1): string {
  return new Intl.NumberFormat(locale, {
    style: "percent",
    maximumFractionDigits: digits,
  }).format(ratio);
}

/** An amount in a currency: $1,234.50 · 1.234,50 US$ (vi) · US$1,234.50 (zh-CN). */
export function formatCurrency(amount: number, currency: string, locale: TLocale | string) {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
}
