import { marketingSendCounts, sourceSendCounts } from "@/db/queries/frequency-cap";

/** The workspace's frequency limits (Settings → Campaigns), or a campaign's over them. */
export type TCapLimits = { dailyCapPerContact?: number; totalCapPerContact?: number };

/** The marketing send a cap is counted for: a campaign (all its runs) or a journey (all its entries). */
export type TCapSource = { kind: "campaign" | "journey"; id: string };

/** The reason a skipped message records, in the message log and on a journey's run page. */
export const FREQUENCY_CAP_REASON = "frequency cap";

const DAY_MS = 24 * 3600_000;

/**
 * Which marketing source a message comes from, or null for a send no cap applies to: test sends,
 * and transactional sends (`POST /api/v1/messages`: a receipt or a one-time code is not marketing,
 * so it is never refused for a cap and does not count toward one).
 */
export function capSourceOf(origin: Record<string, unknown>): TCapSource | null {
  if (origin.transactional === true) return null;
  if (origin.kind === "campaign" && typeof origin.campaignId === "string")
    return { kind: "campaign", id: origin.campaignId };
  if (origin.kind === "journey" && typeof origin.journeyId === "string")
    return { kind: "journey", id: origin.journeyId };
  return null;
}

/**
 * The one frequency-cap decision, for a single send (`sendMessage`) and a campaign batch alike:
 * which of these contacts must not get another message from `source` now. The daily cap counts
 * marketing messages of every source (campaigns and journeys) in the 24 hours before `now`; the
 * total cap counts what this campaign or journey has ever sent the contact.
 */
export async function cappedContacts(
  workspaceId: string,
  source: TCapSource,
  limits: TCapLimits,
  contactIds: string[],
  now: Date,
): Promise<Set<string>> {
  const daily = limits.dailyCapPerContact;
  const total = limits.totalCapPerContact;
  if (!contactIds.length || (!daily && !total)) return new Set();
  const [recent, before] = await Promise.all([
    daily ? marketingSendCounts(workspaceId, contactIds, new Date(now.getTime() - DAY_MS)) : null,
    total ? sourceSendCounts(workspaceId, source, contactIds) : null,
  ]);
  const capped = new Set<string>();
  for (const id of contactIds)
    if ((daily && (recent?.get(id) ?? 0) >= daily) || (total && (before?.get(id) ?? 0) >= total))
      capped.add(id);
  return capped;
}
