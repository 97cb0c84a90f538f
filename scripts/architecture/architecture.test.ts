import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CRON_TIMER, EVENT_SCHEMAS } from "@/inngest/events";
import { CRON_EVENT_NAME } from "@/lib/local-executor/fire-due-crons";
import { codeViolations } from "./code-rules";
import {
  formatViolation,
  layerViolations,
  queryConventionViolations,
  UNSCOPED_QUERIES,
  workspaceScopeViolations,
} from "./layer-rules";

const root = path.resolve(import.meta.dirname, "../..");
const LAYERS = ["app", "components", "db", "inngest", "lib"];
/** The code rules also read the tests that live outside the layers. */
const TEST_DIRS = ["e2e", "scripts"];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(rel);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [rel] : [];
  });
}

describe("architecture: the layer rules hold in the code", () => {
  const files = LAYERS.flatMap(sourceFiles);

  it("reads the layers", () => {
    expect(files.length).toBeGreaterThan(300);
    expect(files).toContain("db/queries/journeys.ts");
  });

  it("breaks no layer rule (README, Architecture)", () => {
    const found = files.flatMap((f) =>
      layerViolations(f, readFileSync(path.join(root, f), "utf8")),
    );
    expect(found.map(formatViolation)).toEqual([]);
  });

  it("passes the executor last to every query function", () => {
    const found = files.flatMap((f) =>
      queryConventionViolations(f, readFileSync(path.join(root, f), "utf8")),
    );
    expect(found.map((v) => `${v.file}:${v.line} ${v.specifier}: ${v.rule}`)).toEqual([]);
  });

  it("scopes every query function by workspace, or names why not", () => {
    const found = files.flatMap((f) =>
      workspaceScopeViolations(f, readFileSync(path.join(root, f), "utf8")),
    );
    expect(found.map((v) => `${v.file}:${v.line} ${v.specifier}: ${v.rule}`)).toEqual([]);
    // No stale excuses: each listed file exists, each listed function is exported by its file.
    const stale = Object.keys(UNSCOPED_QUERIES).filter((key) => {
      const [file, fn] = key.split("#") as [string, string | undefined];
      if (!files.includes(file)) return true;
      const src = readFileSync(path.join(root, file), "utf8");
      return fn !== undefined && !new RegExp(`export (async )?function ${fn}\\b`).test(src);
    });
    expect(stale).toEqual([]);
  });

  it("keeps what is shared in one place, event names in the registry, and tests that can fail", () => {
    const names = Object.keys(EVENT_SCHEMAS);
    const found = [...files, ...TEST_DIRS.flatMap(sourceFiles)].flatMap((f) =>
      codeViolations(f, readFileSync(path.join(root, f), "utf8"), names),
    );
    expect(found.map((v) => `${v.file}:${v.line} ${v.specifier}: ${v.rule}`)).toEqual([]);
  });

  it("spells Inngest's cron event in the local executor as the registry does", () => {
    expect(CRON_EVENT_NAME).toBe(CRON_TIMER);
  });
});
