import { findActiveApiKeyByHash, type TActiveApiKey } from "@/db/queries/api-keys";
import { extractApiKey, hashApiKey } from "./api-key";

export type TApiKeyContext = TActiveApiKey;

/** The workspace an `Authorization` header's key belongs to, or null for a missing, unknown or revoked key. */
export async function authenticateApiKey(
  authorization: string | null,
  now = new Date(),
): Promise<TApiKeyContext | null> {
  const key = extractApiKey(authorization);
  if (!key) return null;
  // The lookup records the use too (at most once a minute): one round trip per request.
  return findActiveApiKeyByHash(hashApiKey(key), { touchAt: now });
}
