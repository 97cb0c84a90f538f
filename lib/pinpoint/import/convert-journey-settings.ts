import type { TJourneySettings } from "@/lib/journeys/graph/journey-settings";
import { durationMinutes, isoInstant, offsetToZone } from "./iso-duration";
import type { NoteList } from "./report";

type R = Record<string, unknown>;
const obj = (v: unknown): R => (typeof v === "object" && v && !Array.isArray(v) ? (v as R) : {});
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A journey's schedule, quiet time, limits and re-entry as Waymark journey settings. Pinpoint's
 * `Timezone` offset (`UTC+07`) becomes the quiet hours' fallback zone for contacts without one.
 */
export function convertJourneySettings(j: R, notes: NoteList): TJourneySettings {
  const settings: TJourneySettings = { entry: { mode: "once" } };
  const schedule = obj(j.Schedule);
  const zone = schedule.Timezone === undefined ? null : offsetToZone(schedule.Timezone);
  if (schedule.Timezone !== undefined && !zone)
    notes.error(
      "Schedule.Timezone",
      `"${String(schedule.Timezone)}" is not a UTC offset like UTC+07`,
    );
  for (const [from, to] of [
    ["StartTime", "startAt"],
    ["EndTime", "endAt"],
  ] as const) {
    if (schedule[from] === undefined) continue;
    const at = isoInstant(schedule[from]);
    if (!at) notes.error(`Schedule.${from}`, "must be an ISO-8601 date-time");
    else settings[to] = at;
  }
  if (j.LocalTime)
    notes.approx(
      "LocalTime",
      "start and end are one instant for everyone; quiet hours are read in each contact's zone",
    );
  const quiet = obj(j.QuietTime);
  if (quiet.Start || quiet.End) {
    if (
      !HHMM.test(String(quiet.Start)) ||
      !HHMM.test(String(quiet.End)) ||
      quiet.Start === quiet.End
    )
      notes.error("QuietTime", "Start and End must be different times like 22:00");
    else {
      settings.quietHours = {
        start: String(quiet.Start),
        end: String(quiet.End),
        fallbackTimeZone: zone,
      };
      if (j.WaitForQuietTime === false)
        notes.approx(
          "WaitForQuietTime",
          "messages due in quiet hours wait until they end instead of being skipped",
        );
    }
  }
  const limits = obj(j.Limits);
  if (typeof limits.DailyCap === "number" && limits.DailyCap > 0) {
    settings.frequencyCap = { maxPerDay: Math.min(1000, limits.DailyCap) };
    notes.approx("Limits.DailyCap", "counted per contact and local day across every journey");
  }
  const interval = durationMinutes(limits.EndpointReentryInterval);
  const cap = limits.EndpointReentryCap;
  if (limits.EndpointReentryInterval !== undefined && interval === null)
    notes.error("Limits.EndpointReentryInterval", "must be an ISO-8601 duration like P7D");
  if (interval) {
    const days = Math.max(1, Math.ceil(interval / 1440));
    settings.entry = { mode: "reentry_after", days };
    if (interval % 1440)
      notes.approx("Limits.EndpointReentryInterval", `rounded up to ${days} day(s)`);
    if (typeof cap === "number" && cap > 1)
      notes.unsupport(
        "Limits.EndpointReentryCap",
        "re-entry is not counted; it is spaced by the interval",
      );
  } else if (typeof cap === "number" && cap !== 1) {
    settings.entry = { mode: "while_not_inside" };
    notes.approx(
      "Limits.EndpointReentryCap",
      "contacts may enter again whenever they are not inside",
    );
  }
  for (const [k, why] of [
    ["MessagesPerSecond", "journeys send at the channel providers' rate limits"],
    ["TotalCap", "no per-journey total cap"],
    ["TimeframeCap", "no per-journey cap over a number of days"],
  ] as const)
    if (limits[k] !== undefined) notes.unsupport(`Limits.${k}`, why);
  if (j.RefreshFrequency || j.RefreshOnSegmentUpdate)
    notes.approx(
      "RefreshFrequency",
      "contacts enter as they join the segment; no refresh schedule",
    );
  if (j.SendingSchedule || j.OpenHours || j.ClosedDays)
    notes.unsupport(
      "OpenHours",
      "open hours and closed days per channel have no equivalent; quiet hours do",
    );
  if (j.TimezoneEstimationMethods)
    notes.unsupport(
      "TimezoneEstimationMethods",
      "a contact's zone is not guessed from phone or postal code",
    );
  if (j.JourneyChannelSettings)
    notes.unsupport("JourneyChannelSettings", "Amazon Connect settings have no equivalent");
  if (j.State && j.State !== "DRAFT")
    notes.approx(
      "State",
      `was ${String(j.State)} in Pinpoint; imported as a draft to review and publish`,
    );
  return settings;
}
