import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { seededRandom as rng } from "@/lib/random/seeded-random";
import { POST } from "./[call]/route";

let close: () => Promise<void>;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
beforeAll(async () => {
  ({ close } = await useTestDb());
  tenant = await makeTenant("Compressed fuzz");
});
afterAll(() => close());

async function send(body: Buffer, encoding: string | null, call = "batch") {
  const headers: Record<string, string> = { authorization: `Bearer ${tenant.key}` };
  if (encoding) headers["content-encoding"] = encoding;
  const req = new NextRequest(`http://127.0.0.1/api/v1/${call}`, {
    method: "POST",
    headers,
    body: new Uint8Array(body),
  });
  const res = await POST(req, { params: Promise.resolve({ call }) });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const eventCount = async () => {
  const [row] = await executeRows<{ n: number }>(
    sql`select count(*)::int as n from events where workspace_id = ${tenant.workspace.id}`,
  );
  return row!.n;
};

let seq = 0;
const batch = (n: number) =>
  Buffer.from(
    JSON.stringify({
      batch: Array.from({ length: n }, () => ({
        type: "track",
        userId: `z-${seq % 7}`,
        event: "Zipped",
        messageId: `z-${seq++}`,
      })),
    }),
  );
const compress = (enc: string, b: Buffer) =>
  enc === "gzip"
    ? zlib.gzipSync(b)
    : enc === "deflate"
      ? zlib.deflateSync(b)
      : zlib.deflateRawSync(b);

describe("compressed ingestion bodies", () => {
  it("stores gzip and deflate batches like plain ones", async () => {
    for (const enc of ["gzip", "deflate", "raw"]) {
      const res = await send(compress(enc, batch(3)), enc === "raw" ? "deflate" : enc);
      expect(res, enc).toMatchObject({ status: 200, json: { accepted: 3 } });
    }
    expect(await eventCount()).toBe(9);
  });

  it("refuses a bomb with 413 and stores nothing", async () => {
    // A valid batch followed by 200 MB of spaces: valid JSON once inflated, 200 times the limit.
    const before = await eventCount();
    const head = batch(1);
    const deflater = zlib.createGzip({ level: 9 });
    const parts: Buffer[] = [];
    deflater.on("data", (c: Buffer) => parts.push(c));
    deflater.write(head.subarray(0, head.length - 1));
    const spaces = Buffer.alloc(1024 * 1024, " ");
    for (let i = 0; i < 200; i++) deflater.write(spaces);
    deflater.end("}");
    await new Promise((r) => deflater.on("end", r));
    const bomb = Buffer.concat(parts);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await send(bomb, "gzip");
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe("payload_too_large");
    expect(await eventCount()).toBe(before);
  });

  it("answers thousands of truncated, corrupt and mislabelled bodies with 4xx, never 500, storing only what it accepted", async () => {
    const r = rng(20261206);
    const statuses = new Map<number, number>();
    let accepted = 0;
    const start = await eventCount();
    for (let i = 0; i < 2000; i++) {
      const enc = ["gzip", "deflate", "raw"][Math.floor(r() * 3)]!;
      let body = compress(enc, batch(1 + Math.floor(r() * 3)));
      const mutation = Math.floor(r() * 6);
      if (mutation === 0) body = body.subarray(0, Math.floor(r() * body.length));
      if (mutation === 1)
        for (let k = 0; k < 1 + Math.floor(r() * 4); k++) {
          const at = Math.floor(r() * body.length);
          body[at] = body[at]! ^ (1 + Math.floor(r() * 255));
        }
      if (mutation === 2) body = Buffer.concat([body, Buffer.from([Math.floor(r() * 256)])]);
      if (mutation === 3)
        body = Buffer.from(Array.from({ length: 40 }, () => Math.floor(r() * 256)));
      const label =
        mutation === 4
          ? ["br", "gzip, gzip", "compress", "zstd"][Math.floor(r() * 4)]!
          : enc === "raw"
            ? "deflate"
            : enc;
      const res = await send(body, label);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect([200, 400, 413, 415], `body ${i} answered ${res.status}`).toContain(res.status);
      if (res.status !== 200) expect(res.json.error.code, `body ${i}`).toBeTypeOf("string");
      if (res.status === 200) accepted += res.json.accepted as number;
    }
    console.info("compressed fuzz statuses", Object.fromEntries(statuses), "accepted", accepted);
    expect(statuses.get(400)).toBeGreaterThan(300);
    expect(statuses.get(415)).toBeGreaterThan(100);
    expect(statuses.get(200)).toBeGreaterThan(300);
    expect(await eventCount()).toBe(start + accepted);
  }, 300_000);
});
