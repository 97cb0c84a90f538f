/**
 * Key kinds and scopes: one list for the schema (as types), the routes and the settings page.
 * `public`: a write key that may sit in a browser (identify/track/page/screen/batch only).
 * `secret`: a server key; what it may do is its `scopes`.
 */
export const API_KEY_KINDS = ["public", "secret"] as const;
export type TApiKeyKind = (typeof API_KEY_KINDS)[number];

export const API_KEY_SCOPES = [
  "ingest",
  "contacts:read",
  "contacts:delete",
  "messages:send",
  "journeys:enter",
  "inapp",
  "pinpoint",
  "stream:read",
] as const;
export type TApiKeyScope = (typeof API_KEY_SCOPES)[number];
