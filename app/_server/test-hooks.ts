import { timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/crypto/app-secret";
import { env } from "@/lib/env";

/** Test hooks answer only when WAYMARK_TEST_HOOKS=1 and the caller presents AUTH_SECRET. */
export function testHooksAllowed(req: Request): boolean {
  if (!env.WAYMARK_TEST_HOOKS) return false;
  const expected = Buffer.from(authSecret());
  const actual = Buffer.from(req.headers.get("x-test-secret") ?? "");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
