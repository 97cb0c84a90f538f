/**
 * Builds what the Import pages offer to try (public/samples/): the Pinpoint importer's fixture
 * export as a zip, its endpoint files gzipped as an export job writes them, and a definitions
 * file. Run after changing the fixtures: `npx tsx scripts/pinpoint/build-samples.ts`;
 * lib/pinpoint/import/samples.test.ts fails while they differ.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { sampleDefinitionsFile, sampleExportZip } from "@/lib/pinpoint/import/testing/samples";

const out = join(import.meta.dirname, "..", "..", "public", "samples");
writeFileSync(join(out, "pinpoint-sample-export.zip"), sampleExportZip());
writeFileSync(join(out, "welcome-journey.waymark.json"), sampleDefinitionsFile());
