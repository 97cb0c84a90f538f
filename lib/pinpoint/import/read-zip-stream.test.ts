import { Readable } from "node:stream";
import { gzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readZip } from "./read-export";
import { listZipEntries, openZipEntry, readZipEntryText } from "./read-zip-stream";

const enc = (s: string) => new TextEncoder().encode(s);
const opener =
  (bytes: Uint8Array, chunk = 1000) =>
  () =>
    Readable.from(
      (function* () {
        for (let i = 0; i < bytes.length; i += chunk)
          yield Buffer.from(bytes.subarray(i, i + chunk));
      })(),
    );

describe("read a zip as a stream", () => {
  // 40,000 endpoint lines (~3 MB inflated), stored and deflated entries, read in 1-KB chunks.
  const lines = Array.from({ length: 40_000 }, (_, i) =>
    JSON.stringify({ Id: `e${i}`, Address: `u${i}@example.com` }),
  );
  const zip = zipSync({
    "a/journey.json": [enc('{"Name":"J"}'), { level: 0 }],
    "a/endpoints.ndjson": enc(lines.join("\n")),
    "a/part-00000.gz": gzipSync(enc(lines.slice(0, 10).join("\n"))),
    "a/": new Uint8Array(0),
  });

  it("lists the entries without inflating them and reads each one alone", async () => {
    expect(await listZipEntries(opener(zip))).toEqual([
      "a/journey.json",
      "a/endpoints.ndjson",
      "a/part-00000.gz",
    ]);
    expect(await readZipEntryText(opener(zip), "a/journey.json")).toBe('{"Name":"J"}');
    let n = 0;
    for await (const c of openZipEntry(opener(zip), "a/endpoints.ndjson"))
      n += (c as Buffer).length;
    expect(n).toBe(lines.join("\n").length);
  });

  it("gives endpoint files line by line, gunzipped", async () => {
    const source = await readZip(zip);
    const file = source.files.find((f) => f.path === "a/part-00000.gz")!;
    const got: string[] = [];
    for await (const l of file.lines()) got.push(l);
    expect(got).toEqual(lines.slice(0, 10));
    const big = source.files.find((f) => f.path === "a/endpoints.ndjson")!;
    let count = 0;
    for await (const _ of big.lines()) count++;
    expect(count).toBe(40_000);
  });

  it("reports a corrupt zip for the whole upload and a corrupt entry for that file only", async () => {
    expect((await readZip(new Uint8Array([80, 75, 3, 4, 1, 2, 3]))).error).toMatch(
      /^the zip cannot be read/,
    );
    expect((await readZip(enc("not a zip at all"))).error).toMatch(/^the zip cannot be read/);
    // Damage the deflated entry's data (after its 30-byte header and name) but keep the headers.
    const damaged = zipSync({
      "x.json": enc('{"a":' + "1".repeat(5000) + "}"),
      "y.json": [enc("{}"), { level: 0 }],
    });
    const bad = damaged.slice();
    for (let i = 40; i < 60; i++) bad[i] = 0xff;
    const source = await readZip(bad);
    expect(source.error).toBeUndefined();
    await expect(source.files.find((f) => f.path === "x.json")!.text()).rejects.toThrow();
    expect(await source.files.find((f) => f.path === "y.json")!.text()).toBe("{}");
  });
});
