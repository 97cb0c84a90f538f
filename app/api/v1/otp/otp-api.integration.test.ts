import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postOtp } from "@/app/api/v1/otp/route";
import { POST as postVerify } from "@/app/api/v1/otp/verify/route";
import { callRoute } from "@/app/api/v1/v1-test-client";
import { db } from "@/db";
import { messages, otpCodes } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { fakeProviderResponder } from "@/lib/channels/testing/fake-provider-responder";
import { startHttpSink, type THttpSink } from "@/lib/channels/testing/http-sink";
import { saveChannelProvider } from "@/lib/messages/send/configure-channel-provider";
import { hashOtpCode, otpCodeMatches } from "@/lib/messages/otp/otp-code";

/**
 * One-time passcodes end to end: SMS through the Twilio provider into an HTTP sink, the code read
 * from what the "phone" received, then verified; and the attacks: guessing, replay, expiry,
 * premium numbers and range pumping, rate limits.
 */
let http: THttpSink;
let testDb: Awaited<ReturnType<typeof useTestDb>>;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
beforeAll(async () => {
  testDb = await useTestDb();
  http = await startHttpSink({ respond: fakeProviderResponder });
  tenant = await makeTenant("Otp");
  await saveChannelProvider(tenant.workspace.id, tenant.user.id, "twilio", {
    baseUrl: http.url,
    accountSid: "AC0123456789abcdef0123456789abcdef",
    authToken: "twilio-auth-token-for-tests",
    fromNumber: "+15005550006",
  });
});
afterAll(async () => {
  await http.close();
  await testDb.close();
});

let numbers = 0;
/** A fresh valid US mobile-or-landline number per call, each in its own range. */
const freshNumber = () =>
  `+1415${String(200 + numbers++).padStart(3, "0")}${String(1000 + numbers).slice(-4)}`;

const send = (body: Record<string, unknown>) =>
  callRoute(
    postOtp,
    {},
    {
      key: tenant.key,
      body: { channel: "sms", brandName: "Acme", referenceId: "login", ...body },
    },
  );
const verify = (destination: string, otp: string, referenceId = "login") =>
  callRoute(postVerify, {}, { key: tenant.key, body: { destination, otp, referenceId } });
/** The code the phone got last. */
const received = (to: string) => {
  const last = http.requests.filter((r) => r.form().get("To") === to).at(-1);
  return /(\d{4,10}) is your verification code/.exec(last?.form().get("Body") ?? "")?.[1];
};

describe("one-time passcodes", () => {
  it("sends a code by SMS and verifies it once; the code is stored only as an HMAC and masked in the log", async () => {
    const phone = freshNumber();
    const sent = await send({ destination: phone, codeLength: 8 });
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({ deliveryStatus: "SUCCESSFUL", referenceId: "login" });
    const code = received(phone)!;
    expect(code).toMatch(/^\d{8}$/);
    expect(http.requests.at(-1)!.form().get("Body")).toBe(
      `Acme: ${code} is your verification code. It expires in 10 minutes.`,
    );

    const [row] = await db().select().from(otpCodes).where(eq(otpCodes.destination, phone));
    expect(row!.codeHash).toBe(hashOtpCode(row!.id, code));
    expect(row!.codeHash).not.toContain(code);
    const [message] = await db()
      .select()
      .from(messages)
      .where(eq(messages.id, sent.json!.messageId));
    expect(message!.transactional).toBe(true);
    expect(JSON.stringify(message!.content)).not.toContain(code);
    expect(JSON.stringify(message!.content)).toContain("••••••");

    const wrong = code === "00000000" ? "11111111" : "00000000";
    expect((await verify(phone, wrong)).json).toEqual({
      valid: false,
      reason: "mismatch",
      attemptsRemaining: 2,
    });
    expect((await verify(phone, code, "other-reference")).json).toMatchObject({
      valid: false,
      reason: "no_active_code",
    });
    expect((await verify(phone, code)).json).toEqual({
      valid: true,
      reason: null,
      attemptsRemaining: 0,
    });
    // Replay: a used code never works again.
    expect((await verify(phone, code)).json).toMatchObject({
      valid: false,
      reason: "no_active_code",
    });
  });

  it("locks a code after its allowed attempts, even against the right code (brute force)", async () => {
    const phone = freshNumber();
    await send({ destination: phone, allowedAttempts: 3, codeLength: 4 });
    const code = received(phone)!;
    const guesses = ["0000", "1111", "2222", "3333", "4444"].filter((g) => g !== code).slice(0, 3);
    const answers = await Promise.all(guesses.map((g) => verify(phone, g)));
    expect(answers.map((a) => a.json!.reason)).toEqual(["mismatch", "mismatch", "mismatch"]);
    expect(answers.map((a) => a.json!.attemptsRemaining).sort()).toEqual([0, 1, 2]);
    expect((await verify(phone, code)).json).toMatchObject({ valid: false, reason: "locked" });
  });

  it("refuses an expired code, and a code a newer one replaced", async () => {
    const phone = freshNumber();
    await send({ destination: phone });
    const first = received(phone)!;
    await send({ destination: phone });
    const second = received(phone)!;
    if (first !== second)
      expect((await verify(phone, first)).json).toMatchObject({ valid: false, reason: "mismatch" });
    await db()
      .update(otpCodes)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(otpCodes.destination, phone));
    expect((await verify(phone, second)).json).toMatchObject({ valid: false, reason: "expired" });
  });

  it("refuses premium-rate numbers before sending anything (SMS pumping)", async () => {
    const before = http.requests.length;
    for (const destination of ["+19005551234", "+449098790000"]) {
      const res = await send({ destination });
      expect(res.status, destination).toBe(400);
      expect(res.json!.error.fields.destination).toMatch(/premium|shared/i);
    }
    expect(http.requests.length).toBe(before);
  });

  it("rate-limits sends per destination and per number range", async () => {
    const phone = freshNumber();
    for (let i = 0; i < 5; i++) expect((await send({ destination: phone })).status).toBe(200);
    const sixth = await send({ destination: phone });
    expect(sixth.status).toBe(429);
    expect(sixth.json!.error.code).toBe("rate_limited");

    // Walking a range: +1628555 0100, 0101, … (one request each) stops at the range's limit.
    const range = "+16285550";
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await send({ destination: `${range}${String(100 + i)}` })).status);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it("rate-limits guesses per destination across fresh codes", async () => {
    const phone = freshNumber();
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) statuses.push((await verify(phone, "123456")).status);
    expect(statuses.slice(0, 15).every((s) => s === 200)).toBe(true);
    expect(statuses[15]).toBe(429);
  });

  it("answers 400 naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ destination: "0123" }, "destination"],
      [{ destination: freshNumber(), codeLength: 3 }, "codeLength"],
      [{ destination: freshNumber(), brandName: "{{ contact.email }}" }, "brandName"],
      [{ destination: freshNumber(), channel: "push" }, "channel"],
      [{ destination: "not-an-email", channel: "email" }, "destination"],
      [{ destination: freshNumber(), referenceId: "" }, "referenceId"],
    ];
    for (const [body, field] of cases) {
      const res = await send(body);
      expect(res.status, field).toBe(400);
      expect(Object.keys(res.json!.error.fields), field).toContain(field);
    }
    const res = await callRoute(
      postVerify,
      {},
      {
        key: tenant.key,
        body: { destination: freshNumber(), referenceId: "login", otp: "12ab" },
      },
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.json!.error.fields)).toContain("otp");
  });
});

describe("otpCodeMatches", () => {
  it("compares HMACs of fixed length: any candidate, of any length, goes through the same compare", () => {
    const id = "7d9f2c4e-0000-4000-8000-000000000001";
    const stored = hashOtpCode(id, "482913");
    expect(otpCodeMatches(id, "482913", stored)).toBe(true);
    // Wrong in the first digit, the last, shorter, longer: all false, none throws (timingSafeEqual
    // would on unequal lengths; the compared values are always 32-byte digests).
    for (const c of ["582913", "482914", "48291", "4829130", ""])
      expect(otpCodeMatches(id, c, stored)).toBe(false);
    // Bound to its row: the same code under another id does not match.
    expect(otpCodeMatches("7d9f2c4e-0000-4000-8000-000000000002", "482913", stored)).toBe(false);
  });
});
