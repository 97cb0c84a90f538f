/** Milliseconds per wait unit, shared by the waits and the wait-for-event's timeout. */
export const UNIT_MS = {
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
} as const;
