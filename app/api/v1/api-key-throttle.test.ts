import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { POST as signup } from "@/app/api/signup/route";
import { GET as me } from "./me/route";
import { GET as inbox } from "./inapp/messages/route";
import { callRoute } from "./v1-test-client";

let close: () => Promise<void>;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
beforeAll(async () => {
  ({ close } = await useTestDb());
  tenant = await makeTenant("Throttled");
});
afterAll(() => close());

const from = (ip: string) => ({ "x-forwarded-for": `10.9.9.9, ${ip}` });

describe("API key guessing", () => {
  it("blocks an address after 30 bad keys, valid keys included, and leaves others alone", async () => {
    const ip = from("203.0.113.10");
    for (let i = 0; i < 29; i++) {
      const r = await callRoute(me, {}, { method: "GET", key: `wm_sk_guess${i}`, headers: ip });
      expect(r.status).toBe(401);
    }
    const last = await callRoute(me, {}, { method: "GET", key: "wm_sk_guess", headers: ip });
    expect(last).toMatchObject({ status: 429, json: { error: { code: "rate_limited" } } });
    const valid = await callRoute(me, {}, { method: "GET", key: tenant.key, headers: ip });
    expect(valid.status).toBe(429);
    // In-app tokens share the limit: a forged one from that address is refused before checking.
    const forged = await callRoute(inbox, {}, { method: "GET", key: "wmc_forged", headers: ip });
    expect(forged.status).toBe(429);
    const elsewhere = await callRoute(
      me,
      {},
      { method: "GET", key: tenant.key, headers: from("203.0.113.11") },
    );
    expect(elsewhere.status).toBe(200);
  });
});

describe("sign-up", () => {
  it("counts every attempt per address: the 31st within the hour gets 429", async () => {
    const ip = from("198.51.100.200");
    for (let i = 0; i < 30; i++) {
      const r = await callRoute(signup, {}, { body: { email: "bad" }, headers: ip });
      expect(r.status).toBe(400);
    }
    const r = await callRoute(signup, {}, { body: { email: "bad" }, headers: ip });
    expect(r).toMatchObject({ status: 429, json: { error: { code: "rate_limited" } } });
  });
});
