const int = new Intl.NumberFormat("en-US");

export const formatCount = (n: number) => int.format(n);

/** A rate for people: "–" when there was no base, one decimal otherwise. */
export const formatPercent = (r: number | null | undefined, digits = 1) =>
  r === null || r === undefined || !Number.isFinite(r) ? "–" : `${(r * 100).toFixed(digits)}%`;

/** A change with its direction in words and sign, never in colour alone. */
export function formatChange(change: number | null, current: number): string {
  if (change === null) return current > 0 ? "new this period" : "no change";
  if (change === 0) return "no change";
  // Past ten times, a percentage is noise to read; the multiple says it plainly.
  if (change >= 9) return `▲ ${Math.round(change + 1).toLocaleString("en-US")}× as many`;
  return `${change > 0 ? "▲ +" : "▼ −"}${Math.abs(change * 100).toFixed(1)}%`;
}

/** "2026-03-05" → "5 Mar" (a calendar day in the workspace's zone, shown as is). */
export function formatDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}
