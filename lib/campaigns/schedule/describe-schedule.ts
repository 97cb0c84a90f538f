import type { TCampaignSchedule } from "./schedule-settings";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** A schedule in words, for the campaign page ("Every week on Mon, Thu at 09:30 …"). */
export function describeSchedule(
  s: TCampaignSchedule,
  workspaceZone: string,
  formatInstant: (at: Date) => string,
): string {
  switch (s.kind) {
    case "now":
      return "Now";
    case "at":
      return formatInstant(new Date(s.sendAt));
    case "local_time":
      return `${s.date} at ${s.time} in each contact's time zone`;
    case "recurring": {
      const r = s.recurrence;
      const when =
        r.frequency === "hourly"
          ? `Every hour at :${r.time.slice(3)}`
          : r.frequency === "daily"
            ? `Every day at ${r.time}`
            : r.frequency === "weekly"
              ? `Every week on ${[...(r.weekdays ?? [])]
                  .sort()
                  .map((d) => WEEKDAYS[d])
                  .join(", ")} at ${r.time}`
              : `Every month on day ${r.dayOfMonth} at ${r.time}`;
      const zone = r.localTime ? "in each contact's time zone" : `(${workspaceZone})`;
      const span = r.endDate ? `from ${r.startDate} until ${r.endDate}` : `from ${r.startDate}`;
      return `${when} ${zone}, ${span}`;
    }
    case "event": {
      const filters = s.filters.length
        ? ` where ${s.filters.map((f) => `${f.property} ${f.op.replaceAll("_", " ")}${"value" in f && f.value !== undefined ? ` ${JSON.stringify(f.value)}` : ""}`).join(" and ")}`
        : "";
      const until = s.endAt ? `, until ${formatInstant(new Date(s.endAt))}` : "";
      return `When a contact performs "${s.event}"${filters}, within ${s.maxDelayMinutes} min${until}`;
    }
  }
}
