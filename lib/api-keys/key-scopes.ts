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
