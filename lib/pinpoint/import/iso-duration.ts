/** ISO-8601 durations (`P2D`, `PT1H30M`, `P1W`) and Pinpoint's `UTC+07` zone offsets. */
export function durationMinutes(iso: unknown): number | null {
  if (typeof iso !== "string") return null;
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m || iso === "P" || iso.endsWith("T")) return null;
  const [, w, d, h, min, s] = m.map((x) => Number(x ?? 0));
  return (w ?? 0) * 10080 + (d ?? 0) * 1440 + (h ?? 0) * 60 + (min ?? 0) + Math.ceil((s ?? 0) / 60);
}

/** Minutes in the largest unit that holds them whole, as a wait node or timeout takes them. */
export function asAmount(minutes: number): {
  amount: number;
  unit: "minutes" | "hours" | "days" | "weeks";
} {
  if (minutes % 10080 === 0) return { amount: minutes / 10080, unit: "weeks" };
  if (minutes % 1440 === 0) return { amount: minutes / 1440, unit: "days" };
  if (minutes % 60 === 0) return { amount: minutes / 60, unit: "hours" };
  return { amount: minutes, unit: "minutes" };
}

// Zones for offsets that are not whole hours (no Etc/GMT zone exists for them).
const PARTIAL: Record<string, string> = {
  "+03:30": "Asia/Tehran",
  "+04:30": "Asia/Kabul",
  "+05:30": "Asia/Kolkata",
  "+05:45": "Asia/Kathmandu",
  "+06:30": "Asia/Yangon",
  "+08:45": "Australia/Eucla",
  "+09:30": "Australia/Darwin",
  "+10:30": "Australia/Lord_Howe",
  "+12:45": "Pacific/Chatham",
  "-03:30": "America/St_Johns",
  "-09:30": "Pacific/Marquesas",
};

/**
 * `UTC`, `UTC+07`, `UTC-08`, `UTC+05:30` (any case) as an IANA zone: whole hours as `Etc/GMT∓N`
 * (whose sign is inverted by POSIX convention), half hours as a city that keeps that offset.
 */
export function offsetToZone(tz: unknown): string | null {
  if (typeof tz !== "string") return null;
  const m = /^UTC(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(tz.trim());
  if (!m) return null;
  if (!m[1]) return "UTC";
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 14 || minutes >= 60) return null;
  if (minutes === 0) return hours === 0 ? "UTC" : `Etc/GMT${m[1] === "+" ? "-" : "+"}${hours}`;
  return PARTIAL[`${m[1]}${String(hours).padStart(2, "0")}:${m[3]}`] ?? null;
}

/** An ISO timestamp as the CLI (`+00:00`) or the API (`Z`) writes it, normalised; null if not one. */
export function isoInstant(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
