import { env } from "@/lib/env";

const forwardedEntries = (headers: Headers) =>
  (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);

/**
 * The caller's address for per-IP limits (sign-in, sign-up, invites, API key failures): the entry
 * `WAYMARK_TRUSTED_PROXY_HOPS` from the right of X-Forwarded-For, the address the outermost
 * trusted proxy saw, so that behind a CDN and a load balancer (2 hops) each client gets its own
 * bucket instead of all sharing the CDN's. Entries further left were written by the client and
 * are never read. With 0 hops, or a request that passed fewer proxies than configured (one that
 * reached the app past the CDN), the nearest entry stands: the one the nearest proxy, or Next
 * itself, wrote. Per-account limits do not depend on it.
 */
export function clientIp(headers: Headers, hops = env.WAYMARK_TRUSTED_PROXY_HOPS): string {
  return (
    forwardedClientIp(headers, hops) ??
    forwardedEntries(headers).at(-1) ??
    headers.get("x-real-ip") ??
    "unknown"
  );
}

/**
 * The client's address as the trusted proxies recorded it: with `hops` proxies each appending the
 * address it saw, the client is `hops` entries from the right of X-Forwarded-For (Next writes the
 * socket's address there when nothing sits in front). Entries further left were written by the
 * client itself and are never read. Undefined with `hops` 0 or too few entries.
 */
export function forwardedClientIp(headers: Headers, hops: number): string | undefined {
  if (hops < 1) return undefined;
  const entries = forwardedEntries(headers);
  const ip = entries.length >= hops ? entries[entries.length - hops] : undefined;
  return ip && /^[0-9a-fA-F:.]{2,45}$/.test(ip) ? ip : undefined;
}
