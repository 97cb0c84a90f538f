import { findActiveApiKeyByHash, touchApiKey } from "@/db/queries/api-keys";
import { extractApiKey, hashApiKey } from "./api-key";

export type TApiKeyContext = NonNullable<Awaited<ReturnType<typeof findActiveApiKeyByHash>>>;

/** The workspace an `Authorization` header's key belongs to, or null for a missing, unknown or revoked key. */
export async function authenticateApiKey(
  authorization: string | null,
  now = new Date(),
): Promise<TApiKeyContext | null> {
  const key = extractApiKey(authorization);
  if (!key) return null;
  const found = await findActiveApiKeyByHash(hashApiKey(key));
  if (!found) return null;
  await touchApiKey(found.id, now);
  return found;
}
