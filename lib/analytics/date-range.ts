import { formatInTimeZone } from "date-fns-tz";
import { z } from "zod";

/** Preset ranges end today (in the workspace's zone) and include it. */
export const RANGE_PRESETS = { "7d": 7, "14d": 14, "30d": 30, "90d": 90 } as const;
export type TRangePreset = keyof typeof RANGE_PRESETS;
export const DEFAULT_PRESET: TRangePreset = "30d";
export const MAX_RANGE_DAYS = 366;

const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-01-31")
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "is not a real date",
  );

/** A range of whole days, both ends included, as calendar dates in the workspace's zone. */
export type TDayRange = { from: string; to: string; days: number; preset: TRangePreset | "custom" };

const DAY_MS = 86_400_000;
const toUtc = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const addDays = (day: string, n: number) =>
  new Date(toUtc(day) + n * DAY_MS).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) =>
  Math.round((toUtc(to) - toUtc(from)) / DAY_MS) + 1;

/** The calendar date it is now in `timeZone`. */
export function todayIn(timeZone: string, now = new Date()): string {
  return formatInTimeZone(now, timeZone, "yyyy-MM-dd");
}

export const ZRangeParams = z
  .object({
    range: z
      .enum([...(Object.keys(RANGE_PRESETS) as TRangePreset[]), "custom"], {
        error: "must be one of 7d, 14d, 30d, 90d, custom",
      })
      .optional(),
    from: ZDay.optional(),
    to: ZDay.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.range !== "custom") return;
    if (!v.from)
      ctx.addIssue({ code: "custom", path: ["from"], message: "is required for a custom range" });
    if (!v.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "is required for a custom range" });
    if (v.from && v.to && v.from > v.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    if (v.from && v.to && daysBetween(v.from, v.to) > MAX_RANGE_DAYS)
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `range is longer than ${MAX_RANGE_DAYS} days`,
      });
  });

/** Resolves validated URL params to a day range; `from`+`to` without `range` count as custom. */
export function resolveDayRange(
  params: z.infer<typeof ZRangeParams>,
  timeZone: string,
  now = new Date(),
): TDayRange {
  if (
    (params.range === "custom" || (!params.range && params.from && params.to)) &&
    params.from &&
    params.to &&
    params.from <= params.to
  ) {
    return {
      from: params.from,
      to: params.to,
      days: daysBetween(params.from, params.to),
      preset: "custom",
    };
  }
  const preset = params.range && params.range !== "custom" ? params.range : DEFAULT_PRESET;
  const days = RANGE_PRESETS[preset];
  const to = todayIn(timeZone, now);
  return { from: addDays(to, -(days - 1)), to, days, preset };
}

/** The same number of days immediately before, for the comparison figures. */
export function previousPeriod(range: TDayRange): TDayRange {
  const to = addDays(range.from, -1);
  return { from: addDays(to, -(range.days - 1)), to, days: range.days, preset: "custom" };
}

/** Every day of the range, so charts show gaps as zeros instead of joining over them. */
export function eachDay(range: { from: string; to: string }): string[] {
  const out: string[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) out.push(d);
  return out;
}
