import { activeSuppressions } from "@/db/queries/suppressions";
import type { TSendChannel } from "@/lib/channels/types";
import { isSuppressible, normaliseAddress } from "./normalise-address";
import { suppressedSkipReason } from "./suppression-labels";

/**
 * The suppression check every send makes beside its opt-out check (sendMessage for journeys,
 * test sends and API sends; the campaign batch for campaigns): of these recipient addresses on
 * the channel, which are suppressed now, each with the skip reason to record. Push, in-app and
 * webhook messages have no address a provider bounces, so nothing is suppressed there.
 */
export async function suppressedRecipients(
  workspaceId: string,
  channel: TSendChannel,
  addresses: string[],
  now = new Date(),
): Promise<Map<string, string>> {
  if (!isSuppressible(channel) || !addresses.length) return new Map();
  const byNormal = new Map<string, string[]>();
  for (const a of addresses) {
    const n = normaliseAddress(channel, a);
    if (n) byNormal.set(n, [...(byNormal.get(n) ?? []), a]);
  }
  const found = await activeSuppressions(workspaceId, channel, [...byNormal.keys()], now);
  const out = new Map<string, string>();
  for (const [n, reason] of found)
    for (const a of byNormal.get(n) ?? []) out.set(a, suppressedSkipReason(reason));
  return out;
}

/** The same for one address: the skip reason, or null when it may be sent to. */
export async function suppressionOf(
  workspaceId: string,
  channel: TSendChannel,
  address: string,
): Promise<string | null> {
  return (await suppressedRecipients(workspaceId, channel, [address])).get(address) ?? null;
}
