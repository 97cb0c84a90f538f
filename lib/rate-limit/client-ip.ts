/**
 * The caller's address for per-IP limits: the last X-Forwarded-For hop, the one the nearest proxy
 * (or Next itself, when nothing sits in front) wrote. Behind a proxy that appends to the header,
 * that is the address it saw; docs/security.md says to put one in front in production, since a
 * direct client may set the header itself. Per-account limits do not depend on it.
 */
export function clientIp(headers: Headers): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.at(-1) ?? headers.get("x-real-ip") ?? "unknown";
}

/**
 * The client's address as the trusted proxies recorded it: with `hops` proxies each appending the
 * address it saw, the client is `hops` entries from the right of X-Forwarded-For (Next writes the
 * socket's address there when nothing sits in front). Entries further left were written by the
 * client itself and are never read. Undefined with `hops` 0 or too few entries.
 */
export function forwardedClientIp(headers: Headers, hops: number): string | undefined {
  if (hops < 1) return undefined;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  const ip = entries.length >= hops ? entries[entries.length - hops] : undefined;
  return ip && /^[0-9a-fA-F:.]{2,45}$/.test(ip) ? ip : undefined;
}
