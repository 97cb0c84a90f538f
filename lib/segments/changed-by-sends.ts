import type { TGroup } from "./definition";
import type { TSqlSegmentResolver } from "./segment-to-sql";

/**
 * Condition kinds whose answer sending a message can change: the contact events a send stores
 * (`Email Sent`, `Push Failed`…) and the push tokens a provider calls dead (reachability and
 * devices). A send touches nothing else about the contact: attributes, profile, accounts, topics
 * and sign-up date stay as they were.
 */
const CHANGED_BY_SENDS = new Set(["event", "event_time", "sequence", "channel", "device"]);

/**
 * Whether a segment's membership may change because a contact was sent a message, through the
 * segments it refers to as well. A static list never does (only imports change it); a segment
 * that cannot be found is assumed to, so the caller checks rather than guesses.
 */
export function segmentChangedBySends(segmentId: string, resolve: TSqlSegmentResolver): boolean {
  const seen = new Set<string>();
  const visit = (id: string): boolean => {
    if (seen.has(id)) return false;
    seen.add(id);
    const def = resolve(id);
    if (!def) return true;
    return def.kind === "static" ? false : group(def);
  };
  const group = (g: TGroup): boolean =>
    g.conditions.some((c) =>
      c.kind === "group"
        ? group(c)
        : c.kind === "segment"
          ? visit(c.segmentId)
          : CHANGED_BY_SENDS.has(c.kind),
    );
  return visit(segmentId);
}
