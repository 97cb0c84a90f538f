import { sql } from "drizzle-orm";
import { executeRows } from "@/db/execute-rows";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { seededRandom as rng } from "@/lib/random/seeded-random";
import { POST } from "./[call]/route";
import { callRoute } from "./v1-test-client";

let close: () => Promise<void>;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
beforeAll(async () => {
  ({ close } = await useTestDb());
  tenant = await makeTenant("Fuzz");
});
afterAll(() => close());

const WEIRD_STRINGS = [
  "",
  " ",
  "x".repeat(300),
  "\u0000",
  "😀",
  "<script>",
  "$identify",
  "2026-13-45T99:99:99Z",
  "+1",
  "not@",
  "Mars/Base",
  "NaN",
  "{}",
  "null",
];
const KEYS = [
  "userId",
  "anonymousId",
  "event",
  "traits",
  "properties",
  "timestamp",
  "messageId",
  "email",
  "phone",
  "attributes",
  "pushTokens",
  "subscriptions",
  "context",
  "type",
  "batch",
  "previousId",
  "name",
  "sentAt",
  "zzz",
  "__proto__",
  "constructor",
];

function value(r: () => number, depth = 0): unknown {
  const k = Math.floor(r() * (depth > 2 ? 6 : 9));
  switch (k) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return [0, -1, 1e308, -0, 3.14, Number.MAX_SAFE_INTEGER + 2][Math.floor(r() * 6)];
    case 3:
    case 4:
      return WEIRD_STRINGS[Math.floor(r() * WEIRD_STRINGS.length)];
    case 5:
      return `u-${Math.floor(r() * 20)}`;
    case 6:
      return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(r() * 5) }, () => [
          KEYS[Math.floor(r() * KEYS.length)]!,
          value(r, depth + 1),
        ]),
      );
  }
}

/** Either raw garbage, a random JSON value, or a valid call with one part broken. */
function body(r: () => number, call: string): string {
  const pick = r();
  if (pick < 0.1)
    return ["", "{", "[1,2", "nul", '"str', '{"a":}', "\u00ff\u00fe", "{}}"][Math.floor(r() * 8)]!;
  if (pick < 0.4) return JSON.stringify(value(r));
  const user = `u-${Math.floor(r() * 20)}`;
  const valid: Record<string, Record<string, unknown>> = {
    identify: { userId: user, traits: { plan: "pro" } },
    track: { userId: user, event: "Fuzzed", properties: { a: 1 } },
    page: { userId: user, name: "Home" },
    screen: { anonymousId: user, name: "Home" },
    alias: { previousId: `anon-${user}`, userId: user },
    batch: {
      batch: Array.from({ length: 1 + Math.floor(r() * 4) }, () => ({
        type: ["track", "identify", "page", "group", 7][Math.floor(r() * 5)],
        userId: user,
        event: "Fuzzed",
      })),
    },
  };
  const base = valid[call]!;
  if (r() < 0.7) base[KEYS[Math.floor(r() * KEYS.length)]!] = value(r);
  return JSON.stringify(base);
}

const eventCount = async () => {
  const [row] = await executeRows<{ n: number }>(
    sql`select count(*)::int as n from events where workspace_id = ${tenant.workspace.id}`,
  );
  return row!.n;
};

describe("ingestion under malformed input", () => {
  it("answers thousands of random bodies with 200, 400 or 413, never 500, and stores exactly what it accepted", async () => {
    const r = rng(20261123);
    const calls = ["identify", "track", "page", "screen", "alias", "batch"];
    const statuses = new Map<number, number>();
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const call = calls[i % calls.length]!;
      const res = await callRoute(POST, { call }, { rawBody: body(r, call), key: tenant.key });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(
        [200, 400, 413],
        `call ${i} (${call}) answered ${res.status}: ${JSON.stringify(res.json)}`,
      ).toContain(res.status);
      if (res.status === 400) expect(res.json?.error?.fields, `call ${i}`).toBeTypeOf("object");
      if (res.status === 200)
        accepted += call === "batch" ? res.json!.accepted : res.json!.status === "accepted" ? 1 : 0;
    }
    console.info("fuzz statuses", Object.fromEntries(statuses), "accepted", accepted);
    expect(statuses.get(400)).toBeGreaterThan(1000);
    expect(statuses.get(200)).toBeGreaterThan(50);
    expect(await eventCount()).toBe(accepted);
  }, 300_000);
});
