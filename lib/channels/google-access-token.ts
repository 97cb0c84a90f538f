import type { KeyObject } from "node:crypto";
import {
  fetchOrFailure,
  isRetryableStatus,
  parseRetryAfter,
  readJson,
  type TFailure,
} from "./http-outcome";
import type { TFcmConfig } from "./provider-config";
import { signJwt } from "./sign-jwt";

export const FCM_SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

/** Refresh this long before Google's expiry, so a token never dies mid-request. */
const EARLY_REFRESH_MS = 5 * 60_000;

export type TAccessTokenSource = {
  /** A cached token while it has life left, else a fresh one from the token URI. */
  get(): Promise<{ token: string } | { failure: TFailure }>;
  /** Forget the cached token (after a 401). */
  invalidate(): void;
};

/** OAuth 2.0 for service accounts: an RS256 JWT assertion exchanged at `token_uri` for a bearer token. */
export function createGoogleAccessTokenSource(
  account: TFcmConfig["serviceAccount"],
  key: KeyObject,
  options: { timeoutMs?: number; now?: () => number } = {},
): TAccessTokenSource {
  const now = options.now ?? Date.now;
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<{ token: string } | { failure: TFailure }> | undefined;

  async function exchange(): Promise<{ token: string } | { failure: TFailure }> {
    const iat = Math.floor(now() / 1000);
    const assertion = signJwt(
      "RS256",
      {},
      { iss: account.client_email, scope: FCM_SCOPE, aud: account.token_uri, iat, exp: iat + 3600 },
      key,
    );
    const got = await fetchOrFailure(
      account.token_uri,
      {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        body: new URLSearchParams({
          grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
          assertion,
        }),
      },
      "Google OAuth",
      options.timeoutMs,
    );
    if ("failure" in got) return got;
    const { response } = got;
    const json = (await readJson(response)) as
      | { access_token?: string; expires_in?: number; error?: string; error_description?: string }
      | undefined;
    if (response.ok && json?.access_token) {
      cached = {
        token: json.access_token,
        expiresAt: now() + (json.expires_in ?? 3600) * 1000 - EARLY_REFRESH_MS,
      };
      return { token: json.access_token };
    }
    const why = json?.error
      ? `${json.error}${json.error_description ? `: ${json.error_description}` : ""}`
      : `HTTP ${response.status}`;
    const retryable = isRetryableStatus(response.status);
    return {
      failure: {
        ok: false,
        retryable,
        reason: retryable
          ? `Google OAuth is unavailable (${why})`
          : `Google rejected the FCM service account (${why})`,
        code: json?.error ?? String(response.status),
        retryAfterSeconds: parseRetryAfter(response.headers.get("retry-after")),
      },
    };
  }

  return {
    async get() {
      if (cached && cached.expiresAt > now()) return { token: cached.token };
      // Concurrent sends share one exchange instead of each asking Google.
      pending ??= exchange().finally(() => (pending = undefined));
      return pending;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
