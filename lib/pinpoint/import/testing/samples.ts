import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gzipSync, zipSync } from "fflate";
import { sampleDefinitions } from "@/lib/definitions/testing/sample-definitions";

const EXPORT_DIR = join(import.meta.dirname, "export");

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

/** The fixture export as Pinpoint's tools leave it: JSON files, endpoint parts gzipped. */
export function sampleExportZip(): Uint8Array {
  const zip: Record<string, [Uint8Array, { mtime: Date }]> = {};
  // A fixed date, so building twice gives the same bytes.
  const mtime = new Date("2026-10-01T00:00:00Z");
  for (const full of walk(EXPORT_DIR)) {
    const path = relative(EXPORT_DIR, full).split(sep).join("/");
    const bytes = new Uint8Array(readFileSync(full));
    if (path.endsWith(".ndjson"))
      zip[`pinpoint-export/${path.replace(/\.ndjson$/, ".gz")}`] = [
        gzipSync(bytes, { mtime }),
        { mtime },
      ];
    else zip[`pinpoint-export/${path}`] = [bytes, { mtime }];
  }
  return zipSync(zip);
}

/** The definitions file the Definitions page offers to try. */
export function sampleDefinitionsFile(): string {
  return JSON.stringify(sampleDefinitions(), null, 2) + "\n";
}
