import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { isJsonContentType } from "./json-content-type";
import { readBodyBytes, readBodyText } from "./read-body";

const request = (
  body: Buffer | ReadableStream<Uint8Array> | undefined,
  headers: Record<string, string> = {},
) =>
  new Request("http://127.0.0.1/x", {
    method: "POST",
    body: Buffer.isBuffer(body) ? new Uint8Array(body) : body,
    headers,
    duplex: "half",
  } as RequestInit);

/** A body delivered in small pieces, as a slow client or a proxy would. */
function streamOf(bytes: Buffer, piece = 1000): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(new Uint8Array(bytes.subarray(at, at + piece)));
      at += piece;
    },
  });
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const json = JSON.stringify({ batch: Array.from({ length: 50 }, (_, i) => ({ i, x: "y" })) });

describe("readBodyBytes", () => {
  it("reads plain, gzip, x-gzip, zlib-deflate and raw-deflate bodies to the same text", async () => {
    const plain = Buffer.from(json);
    const cases: [string | undefined, Buffer][] = [
      [undefined, plain],
      ["identity", plain],
      ["gzip", zlib.gzipSync(plain)],
      ["x-gzip", zlib.gzipSync(plain)],
      ["GZIP", zlib.gzipSync(plain)],
      ["deflate", zlib.deflateSync(plain)],
      ["deflate", zlib.deflateRawSync(plain)],
    ];
    for (const [encoding, body] of cases) {
      const headers: Record<string, string> = encoding ? { "content-encoding": encoding } : {};
      expect(await readBodyText(request(streamOf(body, 7), headers), { maxBytes: 10_000 })).toBe(
        json,
      );
    }
  });

  it("applies the limit to the decompressed bytes, exactly", async () => {
    const body = Buffer.alloc(5000, "a");
    const gz = zlib.gzipSync(body);
    const at = { "content-encoding": "gzip" };
    expect((await readBodyBytes(request(gz, at), { maxBytes: 5000 })).length).toBe(5000);
    const err = await failure(readBodyBytes(request(gz, at), { maxBytes: 4999 }));
    expect(err.status).toBe(413);
    expect((await failure(readBodyBytes(request(body), { maxBytes: 4999 }))).status).toBe(413);
  });

  it("refuses a gzip bomb with 413 after inflating at most one chunk past the limit", async () => {
    // 64 MB of zeros in 64 KB: 1,000 times the limit, refused after about 1 MB of output.
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const before = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    const err = await failure(
      readBodyBytes(request(streamOf(bomb, 16 * 1024), { "content-encoding": "gzip" }), {
        maxBytes: 1024 * 1024,
      }),
    );
    expect(err.status).toBe(413);
    expect(err.code).toBe("payload_too_large");
    expect(performance.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
    // A nested bomb (gzip of a gzip) is one layer only: the inner layer stays bytes, counted.
    const nested = zlib.gzipSync(zlib.gzipSync(Buffer.alloc(8 * 1024 * 1024)));
    const inner = await readBodyBytes(request(nested, { "content-encoding": "gzip" }), {
      maxBytes: 1024 * 1024,
    });
    expect(inner.length).toBeLessThan(1024 * 1024);
  });

  it("refuses a compressed body larger than the limit on the wire by its Content-Length", async () => {
    const noise = zlib.gzipSync(
      Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251)),
    );
    const err = await failure(
      readBodyBytes(
        request(noise, { "content-encoding": "gzip", "content-length": String(10_000_000) }),
        { maxBytes: 2000 },
      ),
    );
    expect(err.status).toBe(413);
  });

  it("answers truncated, corrupt and mislabelled compressed bodies with 400", async () => {
    const gz = zlib.gzipSync(Buffer.from(json));
    const corrupt = Buffer.from(gz);
    corrupt[20] = corrupt[20]! ^ 0xff;
    corrupt[30] = corrupt[30]! ^ 0xff;
    const bodies: [string, Buffer][] = [
      ["gzip", gz.subarray(0, gz.length - 10)],
      ["gzip", gz.subarray(0, 5)],
      ["gzip", corrupt],
      ["gzip", Buffer.from(json)],
      ["deflate", Buffer.from(json)],
      ["gzip", Buffer.alloc(0)],
    ];
    for (const [encoding, body] of bodies) {
      const err = await failure(
        readBodyBytes(request(body, { "content-encoding": encoding }), { maxBytes: 100_000 }),
      );
      expect(err.status, `${encoding} ${body.length}`).toBe(400);
      expect(err.fields?.body).toMatch(/not valid (gzip|deflate)/);
    }
  });

  it("answers an unknown encoding with 415, and compression where it is not allowed", async () => {
    const br = zlib.brotliCompressSync(Buffer.from(json));
    expect(
      (await failure(readBodyBytes(request(br, { "content-encoding": "br" }), { maxBytes: 1e6 })))
        .status,
    ).toBe(415);
    const gz = zlib.gzipSync(Buffer.from(json));
    const err = await failure(
      readBodyBytes(request(gz, { "content-encoding": "gzip" }), {
        maxBytes: 1e6,
        allowCompressed: false,
      }),
    );
    expect(err.status).toBe(415);
  });

  it("refuses bytes that are not UTF-8 instead of replacing them", async () => {
    const err = await failure(
      readBodyText(request(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), { maxBytes: 100 }),
    );
    expect(err.status).toBe(400);
    expect(await readBodyText(request(undefined), { maxBytes: 100 })).toBe("");
  });
});

describe("content types", () => {
  it("session routes take exactly application/json, with parameters", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("Application/JSON; charset=utf-8")).toBe(true);
    expect(isJsonContentType("text/plain; x=application/json")).toBe(false);
    expect(isJsonContentType("application/jsonp")).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });
});
