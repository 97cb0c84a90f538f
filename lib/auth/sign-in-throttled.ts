import { clearThrottleFor, assertNotThrottled, recordThrottleHit } from "@/lib/rate-limit/throttle";
import { authenticateUser } from "./authenticate-user";

/**
 * Password sign-in under the limits: wrong passwords count per IP and per account (the email as
 * typed, lower-cased, whether or not it has an account, so the limit says nothing about which
 * emails exist); a success clears the account's count. Throws RateLimitedError while blocked and
 * PasswordHashingBusyError when the process is hashing all it may.
 */
export async function signInThrottled(credentials: unknown, ip: string) {
  const raw = (credentials as { email?: unknown } | null)?.email;
  const email = typeof raw === "string" ? raw.trim().toLowerCase() : "";
  const account = { name: "signin:account", id: email } as const;
  const subjects = [{ name: "signin:ip", id: ip } as const, ...(email ? [account] : [])];
  await assertNotThrottled(subjects);
  const user = await authenticateUser(credentials);
  if (!user) {
    await recordThrottleHit(subjects);
    return null;
  }
  if (email) await clearThrottleFor(account);
  return user;
}
