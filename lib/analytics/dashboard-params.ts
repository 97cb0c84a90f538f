import { z } from "zod";
import { SEND_CHANNELS, type TSendChannel } from "@/lib/channels/types";
import { ValidationError } from "@/lib/errors";
import { zodFields } from "@/lib/validation/zod-fields";
import { previousPeriod, resolveDayRange, ZRangeParams, type TDayRange } from "./date-range";

/** A dashboard view as kept in the URL, so it can be shared: range, and what narrows it. */
export type TDashboardView = {
  range: TDayRange;
  previous: TDayRange;
  channel: TSendChannel | null;
  journeyId: string | null;
  segmentId: string | null;
};

/** The filter form's fields (strings, as in the URL). */
export type TFilterValue = {
  range: string;
  from: string;
  to: string;
  channel: string;
  journey: string;
  segment: string;
};

type TRaw = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export const ZDashboardParams = ZRangeParams.and(
  z.object({
    channel: z
      .enum(SEND_CHANNELS, { error: `must be one of ${SEND_CHANNELS.join(", ")}` })
      .optional(),
    journey: z.uuid({ error: "must be a journey id" }).optional(),
    segment: z.uuid({ error: "must be a segment id" }).optional(),
  }),
);

function view(p: z.infer<typeof ZDashboardParams>, timeZone: string, now: Date): TDashboardView {
  const range = resolveDayRange(p, timeZone, now);
  return {
    range,
    previous: previousPeriod(range),
    channel: p.channel ?? null,
    journeyId: p.journey?.toLowerCase() ?? null,
    segmentId: p.segment?.toLowerCase() ?? null,
  };
}

const pickRaw = (raw: TRaw) => ({
  range: first(raw.range),
  from: first(raw.from),
  to: first(raw.to),
  channel: first(raw.channel),
  journey: first(raw.journey),
  segment: first(raw.segment),
});

/** For CSV routes: a bad parameter is a 400 naming it. */
export function parseDashboardParamsOrThrow(
  raw: TRaw,
  timeZone: string,
  now = new Date(),
): TDashboardView {
  const r = ZDashboardParams.safeParse(pickRaw(raw));
  if (!r.success) throw new ValidationError(zodFields(r.error));
  return view(r.data, timeZone, now);
}

/** For pages: a stale or hand-edited link loses what it cannot read (and says so) instead of failing. */
export function parseDashboardParams(
  raw: TRaw,
  timeZone: string,
  now = new Date(),
): { view: TDashboardView; ignored: string[] } {
  const picked: Record<string, string | undefined> = pickRaw(raw);
  const r = ZDashboardParams.safeParse(picked);
  if (r.success) return { view: view(r.data, timeZone, now), ignored: [] };
  const ignored = [...new Set(r.error.issues.map((i) => String(i.path[0] ?? "")))].filter(Boolean);
  for (const k of ignored) picked[k] = undefined;
  if (ignored.some((k) => k === "from" || k === "to" || k === "range"))
    Object.assign(picked, { range: undefined, from: undefined, to: undefined });
  const again = ZDashboardParams.safeParse(picked);
  return { view: view(again.success ? again.data : {}, timeZone, now), ignored };
}

/** The query string of a view (only what differs from the defaults), with `patch` applied. */
export function dashboardQuery(
  v: TDashboardView,
  patch: Partial<
    Record<"range" | "from" | "to" | "channel" | "journey" | "segment", string | null>
  > = {},
): string {
  const s: Record<string, string | null | undefined> = {
    range:
      v.range.preset === "custom" ? "custom" : v.range.preset === "30d" ? null : v.range.preset,
    from: v.range.preset === "custom" ? v.range.from : null,
    to: v.range.preset === "custom" ? v.range.to : null,
    channel: v.channel,
    journey: v.journeyId,
    segment: v.segmentId,
    ...patch,
  };
  if (s.range && s.range !== "custom") [s.from, s.to] = [null, null];
  const q = new URLSearchParams();
  for (const [k, val] of Object.entries(s)) if (val) q.set(k, val);
  const str = q.toString();
  return str ? `?${str}` : "";
}

/**
 * Where the filter form goes when applied: the page with only what differs from the defaults
 * (the last 30 days, everything), or null while custom days lack an end.
 */
export function dashboardFilterHref(pathname: string, f: TFilterValue): string | null {
  if (f.range === "custom" && (!f.from || !f.to)) return null;
  const s = new URLSearchParams();
  if (f.range && f.range !== "30d") s.set("range", f.range);
  if (f.range === "custom") {
    s.set("from", f.from);
    s.set("to", f.to);
  }
  for (const k of ["channel", "journey", "segment"] as const) if (f[k]) s.set(k, f[k]);
  const qs = s.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/**
 * On a journey's own dashboard the journey is the path, not a filter: choosing another opens that
 * journey's dashboard and "All journeys" the journeys' list, each for the same days and channel.
 */
export function journeyDashboardHref(journeysPath: string, f: TFilterValue): string | null {
  const path = f.journey ? `${journeysPath}/${encodeURIComponent(f.journey)}` : journeysPath;
  return dashboardFilterHref(path, { ...f, journey: "" });
}
