import type { TJourneySettings } from "../graph/journey-settings";

export type TPreviousEntry = {
  enteredAt: Date;
  /** null while the contact is still inside. */ exitedAt: Date | null;
};
export type TEntryDecision =
  | { enter: true; reason: "first_entry" | "reentry_allowed" }
  | {
      enter: false;
      reason: "not_started" | "ended" | "already_entered" | "reentry_too_soon" | "still_inside";
      retryAfter?: Date;
    };

const DAY = 86_400_000;

/**
 * Whether a contact may enter a journey now, by its entry rule and its start/end dates. Pure: the
 * entry router passes this journey's earlier entries of the contact (any version).
 * Holdouts are a node (`holdout`), not an entry rule, so held-out contacts are counted as entered.
 */
export function decideEntry(
  settings: Pick<TJourneySettings, "entry" | "startAt" | "endAt">,
  previous: TPreviousEntry[],
  now: Date,
): TEntryDecision {
  const t = now.getTime();
  if (settings.startAt && t < Date.parse(settings.startAt))
    return { enter: false, reason: "not_started", retryAfter: new Date(settings.startAt) };
  if (settings.endAt && t >= Date.parse(settings.endAt)) return { enter: false, reason: "ended" };
  if (previous.length === 0) return { enter: true, reason: "first_entry" };
  const inside = previous.some((p) => p.exitedAt === null);
  switch (settings.entry.mode) {
    case "once":
      return { enter: false, reason: "already_entered" };
    case "while_not_inside":
      return inside
        ? { enter: false, reason: "still_inside" }
        : { enter: true, reason: "reentry_allowed" };
    case "reentry_after": {
      // Re-entry never overlaps a run still going, however long ago it started.
      if (inside) return { enter: false, reason: "still_inside" };
      const last = Math.max(...previous.map((p) => p.enteredAt.getTime()));
      const allowedAt = last + settings.entry.days * DAY;
      return t >= allowedAt
        ? { enter: true, reason: "reentry_allowed" }
        : { enter: false, reason: "reentry_too_soon", retryAfter: new Date(allowedAt) };
    }
  }
}
