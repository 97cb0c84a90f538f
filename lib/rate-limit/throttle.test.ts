import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hitThrottle } from "@/db/queries/throttles";
import { insertUser } from "@/db/queries/users";
import { useTestDb } from "@/db/testing/test-db";
import { hashPassword, PasswordHashingBusyError, verifyPassword } from "@/lib/auth/password";
import { signInThrottled } from "@/lib/auth/sign-in-throttled";
import { env } from "@/lib/env";
import {
  assertNotThrottled,
  forgetThrottleMemory,
  RateLimitedError,
  recordThrottleHit,
  takeThrottled,
} from "./throttle";

let close: () => Promise<void>;
beforeAll(async () => ({ close } = await useTestDb()));
afterAll(() => close());

const secondsAhead = (d: Date | null) => (d ? Math.round((d.getTime() - Date.now()) / 1000) : 0);

describe("throttles in the database", () => {
  it("block past the limit and double the block with each further attempt", async () => {
    const rule = { limit: 3, windowSeconds: 60, blockSeconds: 10, maxBlockSeconds: 25 };
    for (let i = 0; i < 2; i++) expect(await hitThrottle("t:a", rule)).toBeNull();
    expect(secondsAhead(await hitThrottle("t:a", rule))).toBe(10);
    expect(secondsAhead(await hitThrottle("t:a", rule))).toBe(20);
    expect(secondsAhead(await hitThrottle("t:a", rule))).toBe(25); // capped
    expect(await hitThrottle("t:b", rule)).toBeNull(); // keys are independent
  });

  it("hold across processes: a fresh process reads the block from the database", async () => {
    const ip = { name: "apikey:ip", id: "203.0.113.7" } as const;
    for (let i = 0; i < 29; i++) expect(await recordThrottleHit([ip])).toBeNull();
    expect(await recordThrottleHit([ip])).toBe(10);
    await expect(assertNotThrottled([ip], { memoryOnly: true })).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    forgetThrottleMemory(); // as another process would start
    await expect(assertNotThrottled([ip], { memoryOnly: true })).resolves.toBeUndefined();
    await expect(assertNotThrottled([ip])).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: expect.any(Number),
    });
    // …and now knows it in memory too.
    await expect(assertNotThrottled([ip], { memoryOnly: true })).rejects.toBeInstanceOf(
      RateLimitedError,
    );
  });
});

describe("previews", () => {
  it("allow 120 a minute per person, then refuse with 429 until the block ends", async () => {
    const me = { name: "preview:account", id: "user-1" } as const;
    for (let i = 0; i < 119; i++) await takeThrottled(me);
    await takeThrottled(me); // the 120th is served, and starts the block
    await expect(takeThrottled(me)).rejects.toMatchObject({ status: 429 });
    await expect(takeThrottled({ name: "preview:account", id: "user-2" })).resolves.toBeUndefined();
  });
});

describe("password sign-in", () => {
  it("blocks an account after 5 wrong passwords, from any IP, and a success clears the count", async () => {
    const passwordHash = await hashPassword("right-password-123");
    await insertUser({ email: "limited@example.com", name: "L", passwordHash });
    await insertUser({ email: "other@example.com", name: "O", passwordHash });
    const wrong = { email: "limited@example.com", password: "wrong-password" };
    const right = { email: "limited@example.com", password: "right-password-123" };

    expect(await signInThrottled(wrong, "198.51.100.1")).toBeNull();
    expect(await signInThrottled(right, "198.51.100.1")).not.toBeNull(); // clears the account
    for (let i = 0; i < 5; i++) expect(await signInThrottled(wrong, `198.51.100.${i}`)).toBeNull();
    // Blocked: even the right password, even from a new address, is not checked.
    await expect(signInThrottled(right, "198.51.100.99")).rejects.toBeInstanceOf(RateLimitedError);
    // Other accounts from those addresses are unaffected.
    const other = { email: "other@example.com", password: "right-password-123" };
    expect(await signInThrottled(other, "198.51.100.1")).not.toBeNull();
  });

  it("blocks an address after 20 failures across accounts, known or not", async () => {
    const ip = "192.0.2.50";
    // 19 failures already counted (each real one costs a password hash), then the 20th.
    for (let i = 0; i < 19; i++) await recordThrottleHit([{ name: "signin:ip", id: ip }]);
    await expect(assertNotThrottled([{ name: "signin:ip", id: ip }])).resolves.toBeUndefined();
    expect(await signInThrottled({ email: "nobody@example.com", password: "x" }, ip)).toBeNull();
    await expect(
      signInThrottled({ email: "someone-new@example.com", password: "x" }, ip),
    ).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("refuses a hash at once (429) when the process already runs its share", async () => {
    const stored = await hashPassword("pw-123456789");
    const cap = env.WAYMARK_MAX_PASSWORD_HASHES;
    (env as { WAYMARK_MAX_PASSWORD_HASHES: number }).WAYMARK_MAX_PASSWORD_HASHES = 1;
    try {
      const results = await Promise.allSettled([
        verifyPassword("pw-123456789", stored),
        verifyPassword("pw-123456789", stored),
      ]);
      expect(results[0]).toEqual({ status: "fulfilled", value: true });
      expect(results[1]).toMatchObject({ status: "rejected", reason: { status: 429 } });
      expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(PasswordHashingBusyError);
      expect(await verifyPassword("pw-123456789", stored)).toBe(true); // the slot is free again
    } finally {
      (env as { WAYMARK_MAX_PASSWORD_HASHES: number }).WAYMARK_MAX_PASSWORD_HASHES = cap;
    }
  });
});
