import { timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/crypto/app-secret";
import { env } from "@/lib/env";
import { classifyAddress } from "@/lib/net/classify-address";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Whether the request came from this machine. Next sets X-Forwarded-For from the socket when the
 * client sent none; every hop named there (a local reverse proxy appends the real client) and the
 * Host must be loopback. A direct client can forge both headers, so this is a second lock behind
 * the secret, which still has to be presented; it keeps hooks shut to anything proxied in.
 */
export function fromLoopback(req: Request): boolean {
  const forwarded = req.headers.get("x-forwarded-for");
  if (!forwarded) return false;
  const hops = forwarded.split(",").map((h) => h.trim());
  if (!hops.every((h) => classifyAddress(h) === "loopback")) return false;
  const host = (req.headers.get("host") ?? "").toLowerCase().replace(/:\d+$/, "");
  return LOOPBACK_HOSTS.has(host);
}

/**
 * Test hooks answer only when WAYMARK_TEST_HOOKS=1, to a caller on this machine presenting
 * AUTH_SECRET. (lib/env.ts refuses the published e2e secret unless test hooks are on.)
 */
export function testHooksAllowed(req: Request): boolean {
  if (!env.WAYMARK_TEST_HOOKS || !fromLoopback(req)) return false;
  const expected = Buffer.from(authSecret());
  const actual = Buffer.from(req.headers.get("x-test-secret") ?? "");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
