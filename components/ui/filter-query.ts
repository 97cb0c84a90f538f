/**
 * A list filter's URL: what `keep` carries (narrowing set elsewhere, such as the contact a log was
 * opened for), then each select's parameter that is set, then the trimmed search text as `q`.
 * Empty values are left out, so a cleared filter leaves a clean address.
 */
export function listFilterHref(
  basePath: string,
  next: Record<string, string>,
  params: readonly string[],
  keep: Record<string, string> = {},
): string {
  const s = new URLSearchParams(keep);
  for (const param of params) if (next[param]) s.set(param, next[param]);
  const q = next.q?.trim();
  if (q) s.set("q", q);
  const qs = s.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

/** Whether a list filter narrows anything: a value set, or narrowing carried from elsewhere. */
export const isNarrowed = (value: Record<string, string>, keep: Record<string, string> = {}) =>
  Object.values(value).some(Boolean) || Object.keys(keep).length > 0;

export type TRangeValue = { range: string; from: string; to: string };

/** Custom days wait for both ends before they are applied. */
export const isRangeIncomplete = (r: TRangeValue) => r.range === "custom" && (!r.from || !r.to);
