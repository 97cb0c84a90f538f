/** Figures for people, in the viewer's locale ("en" when none is given: CSV exports, tests). */
const ints = new Map<string, Intl.NumberFormat>();
const intFormat = (locale: string) => {
  let f = ints.get(locale);
  if (!f) ints.set(locale, (f = new Intl.NumberFormat(locale === "en" ? "en-US" : locale)));
  return f;
};

export const formatCount = (n: number, locale = "en") => intFormat(locale).format(n);

/** A rate for people: "–" when there was no base, one decimal otherwise. */
export const formatPercent = (r: number | null | undefined, digits = 1, locale = "en") =>
  r === null || r === undefined || !Number.isFinite(r)
    ? "–"
    : new Intl.NumberFormat(locale, {
        style: "percent",
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(r);

/**
 * A change with its direction in words and sign, never in colour alone. The words for "new",
 * "no change" and "N× as many" come from the catalogues where a page shows them (KpiGrid);
 * these English ones serve CSV exports.
 */
export function formatChange(change: number | null, current: number, locale = "en"): string {
  if (change === null) return current > 0 ? "new this period" : "no change";
  if (change === 0) return "no change";
  // Past ten times, a percentage is noise to read; the multiple says it plainly.
  if (change >= 9) return `▲ ${formatCount(Math.round(change + 1), locale)}× as many`;
  return `${change > 0 ? "▲ +" : "▼ −"}${formatPercent(Math.abs(change), 1, locale)}`;
}

/** "2026-03-05" → "5 Mar" (a calendar day in the workspace's zone, shown as is). */
export function formatDay(day: string, locale = "en"): string {
  const d = new Date(`${day}T00:00:00Z`);
  return d.toLocaleDateString(locale === "en" ? "en-GB" : locale, {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
}
