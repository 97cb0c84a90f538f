import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseJson } from "./http";
import { withTwilioSignature } from "./with-twilio-signature";

// Every route that reads a body goes through lib/http/read-body: these pin the session JSON
// routes (parseJson) and the public Twilio webhooks to it.
const post = (body: Uint8Array<ArrayBuffer> | string, headers: Record<string, string>) =>
  new Request("http://127.0.0.1/api/x", { method: "POST", body, headers });

const caught = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e as AppError,
  );

describe("parseJson", () => {
  const ZName = z.object({ name: z.string() });

  it("takes exactly application/json, and refuses look-alike content types with 415", async () => {
    const ok = await parseJson(
      post('{"name":"a"}', { "content-type": "application/json; charset=utf-8" }),
      ZName,
    );
    expect(ok).toEqual({ name: "a" });
    for (const type of ["text/plain; x=application/json", "application/jsonp", "text/plain"]) {
      const err = await caught(parseJson(post('{"name":"a"}', { "content-type": type }), ZName));
      expect(err.status, type).toBe(415);
    }
  });

  it("counts the limit in bytes after decompression", async () => {
    const json = { "content-type": "application/json" };
    const gz = { ...json, "content-encoding": "gzip" };
    const small = zlib.gzipSync(JSON.stringify({ name: "b" }));
    expect(await parseJson(post(new Uint8Array(small), gz), ZName)).toEqual({ name: "b" });
    // 40,000 two-byte characters: 80,000 bytes, under 64 K characters but over 64 KB.
    const wide = JSON.stringify({ name: "é".repeat(40_000) });
    expect((await caught(parseJson(post(wide, json), ZName))).status).toBe(413);
    const bomb = zlib.gzipSync(JSON.stringify({ name: "x".repeat(10 * 1024 * 1024) }));
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect((await caught(parseJson(post(new Uint8Array(bomb), gz), ZName))).status).toBe(413);
  });
});

describe("Twilio webhooks", () => {
  it("refuse a body past 64 KB with 413 before looking at the signature", async () => {
    let called = false;
    const handler = withTwilioSignature(async () => {
      called = true;
    });
    const res = await handler(
      post(`Body=${"x".repeat(70 * 1024)}`, {
        "content-type": "application/x-www-form-urlencoded",
      }),
      { params: Promise.resolve({ workspaceId: "not-a-workspace" }) },
    );
    expect(res.status).toBe(413);
    expect(called).toBe(false);
  });
});
