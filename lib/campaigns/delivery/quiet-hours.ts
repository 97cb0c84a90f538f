const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** Minutes past local midnight in `zone` at `at`; null for a zone Intl does not know. */
export function localMinutes(zone: string, at: Date): number | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat("en-GB", {
        timeZone: zone,
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  if (!f) return null;
  const parts = f.formatToParts(at);
  const h = Number(parts.find((p) => p.type === "hour")?.value);
  const m = Number(parts.find((p) => p.type === "minute")?.value);
  return h * 60 + m;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether `at` falls in the quiet window [start, end) of the contact's local day. A window may
 * cross midnight (22:00–08:00). An unknown zone falls back to `fallbackZone`.
 */
export function inQuietHours(
  window: { start: string; end: string },
  zone: string | null,
  fallbackZone: string,
  at: Date,
): boolean {
  const now = (zone ? localMinutes(zone, at) : null) ?? localMinutes(fallbackZone, at);
  if (now === null) return false;
  const start = toMinutes(window.start);
  const end = toMinutes(window.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}
