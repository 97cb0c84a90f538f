import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDefinitionsFile } from "@/lib/definitions/import-definitions";
import { readZip } from "./read-export";
import { sampleDefinitionsFile, sampleExportZip } from "./testing/samples";

const SAMPLES = join(import.meta.dirname, "..", "..", "..", "public", "samples");

describe("the samples the Import pages offer", () => {
  it("ship the fixtures as they are now (rebuild with scripts/pinpoint/build-samples.ts)", () => {
    expect(new Uint8Array(readFileSync(join(SAMPLES, "pinpoint-sample-export.zip")))).toEqual(
      sampleExportZip(),
    );
    expect(readFileSync(join(SAMPLES, "welcome-journey.waymark.json"), "utf8")).toBe(
      sampleDefinitionsFile(),
    );
  });

  it("read as an export with every kind of file, and as a definitions file", async () => {
    const source = await readZip(
      new Uint8Array(readFileSync(join(SAMPLES, "pinpoint-sample-export.zip"))),
    );
    expect(source.error).toBeUndefined();
    expect(source.files.filter((f) => f.ndjson).length).toBe(2);
    expect(source.files.length).toBeGreaterThan(8);
    const { file } = readDefinitionsFile(JSON.parse(sampleDefinitionsFile()));
    expect(file.journeys.map((j) => j.name)).toEqual(["Welcome"]);
  });
});
