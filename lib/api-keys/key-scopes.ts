import type { TApiKeyKind, TApiKeyScope } from "@/lib/api-keys/kinds";

export {
  API_KEY_KINDS,
  API_KEY_SCOPES,
  type TApiKeyKind,
  type TApiKeyScope,
} from "@/lib/api-keys/kinds";

/**
 * What a route asks of a key: one scope, or `any-key` for the few routes any valid key may call
 * (`/api/v1/me`, which only names the key's workspace).
 */
export type TRouteScope = TApiKeyScope | "any-key";

/**
 * A public key may sit in a browser, where anyone can copy it, so it only writes what a visitor
 * could send anyway: ingestion. Reads, deletes, token minting, journey entries and sends all need
 * a secret key holding that scope.
 */
export function keyAllows(
  key: { kind: TApiKeyKind; scopes: readonly TApiKeyScope[] },
  scope: TRouteScope,
): boolean {
  if (scope === "any-key") return true;
  if (key.kind === "public") return scope === "ingest";
  return key.scopes.includes(scope);
}

export const SCOPE_DESCRIPTIONS: Record<TApiKeyScope, string> = {
  ingest: "Send contacts and events (identify, track, page, screen, alias, batch)",
  "contacts:read": "Read a contact's profile (GET /api/v1/contacts/{userId})",
  "contacts:delete": "Erase a contact (DELETE /api/v1/contacts/{userId})",
  "messages:send": "Send transactional messages",
  "journeys:enter": "Enter contacts into journeys with an API trigger",
  inapp: "Mint in-app tokens and read any contact's in-app inbox",
  pinpoint:
    "Pinpoint-compatible API (PutEvents, endpoints) with AWS SDKs: also issues an AWS access key id and secret",
};
