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
