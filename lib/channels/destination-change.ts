import type { TProviderConfig, TProviderKind } from "./provider-config";
import { SECRET_FIELDS } from "./provider-config";
import { getPath, isKept } from "./secret-box";

/**
 * The settings that decide where a provider's requests (and so its stored secret) go. A stored
 * secret never follows a changed destination on its own: whoever points a provider somewhere new
 * must type the secret again, or anyone allowed to edit the host could send the password, token
 * or private key to a server of their choosing.
 */
export const DESTINATION_FIELDS: { readonly [K in TProviderKind]: readonly string[] } = {
  smtp: ["host", "port"],
  twilio: ["baseUrl"],
  fcm: ["baseUrl", "serviceAccount.token_uri"],
  apns: ["baseUrl", "sandbox"],
  webhook: ["url"],
  // The key is bound to the account, not the region; the endpoint override is where it goes.
  ses: ["endpoint", "credentials"],
  aws_sms: ["endpoint", "credentials"],
  outbox: [],
  in_app: [],
};

type TObj = Record<string, unknown>;

/** Destination fields whose value differs between the stored and the new config. */
export function changedDestinations(stored: TProviderConfig, next: TProviderConfig): string[] {
  if (stored.kind !== next.kind) return [];
  return DESTINATION_FIELDS[next.kind].filter(
    (path) =>
      JSON.stringify(getPath(stored as TObj, path)) !== JSON.stringify(getPath(next as TObj, path)),
  );
}

/** Secret fields the form left blank (kept), reading a pasted service account as the form sends it. */
export function secretsNotEntered(kind: TProviderKind, incoming: unknown): string[] {
  let form = (incoming && typeof incoming === "object" ? incoming : {}) as TObj;
  if (typeof form.serviceAccount === "string" && form.serviceAccount.trim()) {
    try {
      form = { ...form, serviceAccount: JSON.parse(form.serviceAccount) as unknown };
    } catch {
      // Left for the schema to reject.
    }
  }
  return SECRET_FIELDS[kind].filter((path) => isKept(getPath(form, path)));
}
