import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_KEY_SCOPES } from "@/lib/api-keys/kinds";
import {
  OTHER_MUTATIONS,
  WORKSPACE_MUTATIONS,
  WORKSPACE_READS_BY_POST,
} from "@/e2e/mutation-routes";

const apiDir = path.join(import.meta.dirname);

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? routeFiles(path.join(dir, e.name))
      : e.name === "route.ts"
        ? [path.join(dir, e.name)]
        : [],
  );
}

const toPattern = (file: string) =>
  "/api/" + path.relative(apiDir, path.dirname(file)).split(path.sep).join("/");

describe("route inventory", () => {
  const routes = routeFiles(apiDir).map((file) => {
    const src = readFileSync(file, "utf8");
    const methods = [
      ...src.matchAll(
        /export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b|export const \{ ([A-Z, ]+) \}/g,
      ),
    ].flatMap((m) => (m[1] ? [m[1]] : m[2]!.split(",").map((s) => s.trim())));
    return { pattern: toPattern(file), methods, src };
  });

  it("finds the routes", () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it("lists every workspace mutation in the roles e2e test, wrapped with its role check", () => {
    const listed = new Set(WORKSPACE_MUTATIONS.map((r) => `${r.method} ${r.path}`));
    for (const r of routes.filter((r) => r.pattern.startsWith("/api/w/"))) {
      for (const m of r.methods) {
        expect(r.src, `${m} ${r.pattern} must be wrapped with withWorkspace`).toMatch(
          new RegExp(`export const ${m} = withWorkspace`),
        );
        if (m !== "GET" && !(`${m} ${r.pattern}` in WORKSPACE_READS_BY_POST))
          expect(listed, `${m} ${r.pattern} is missing from e2e/mutation-routes.ts`).toContain(
            `${m} ${r.pattern}`,
          );
      }
    }
  });

  it("accounts for the mutating routes outside /api (message links)", () => {
    const appDir = path.join(apiDir, "..");
    const outside = ["t", "u"].flatMap((d) => routeFiles(path.join(appDir, d)));
    expect(outside.length).toBeGreaterThan(0);
    for (const file of outside) {
      const pattern = "/" + path.relative(appDir, path.dirname(file)).split(path.sep).join("/");
      const mutating = [
        ...readFileSync(file, "utf8").matchAll(/export async function (POST|PUT|PATCH|DELETE)\b/g),
      ];
      if (mutating.length)
        expect(
          Object.keys(OTHER_MUTATIONS).some((k) => k.endsWith(` ${pattern}`)),
          `${pattern} is not listed in OTHER_MUTATIONS`,
        ).toBe(true);
    }
  });

  it("accounts for every other mutating route", () => {
    const other = Object.keys(OTHER_MUTATIONS);
    for (const r of routes.filter(
      (r) =>
        !r.pattern.startsWith("/api/w/") &&
        !r.pattern.startsWith("/api/v1/") &&
        !r.pattern.startsWith("/api/pinpoint/"),
    )) {
      const mutating = r.methods.filter((m) => m !== "GET");
      if (!mutating.length) continue;
      expect(
        other.some((k) => k.endsWith(` ${r.pattern}`)),
        `${r.pattern} is not listed in OTHER_MUTATIONS`,
      ).toBe(true);
    }
  });

  it("puts every public API route behind an API key", () => {
    // The OpenAPI document is public on purpose.
    for (const r of routes.filter(
      (r) => r.pattern.startsWith("/api/v1/") && r.pattern !== "/api/v1/openapi.json",
    )) {
      // The in-app inbox also takes a per-contact token (withInAppAuth checks both).
      const wrapper = r.pattern.startsWith("/api/v1/inapp/messages")
        ? "withInAppAuth"
        : "withApiKey";
      for (const m of r.methods) {
        expect(r.src, `${m} ${r.pattern}`).toMatch(new RegExp(`export const ${m} = ${wrapper}`));
        if (wrapper === "withApiKey") {
          // The scope is the wrapper's first argument, so a route cannot forget to name one.
          const declared = new RegExp(
            `export const ${m} = withApiKey(?:<[^>]*>)?\\(\\s*"([a-z:-]+)"`,
          ).exec(r.src)?.[1];
          expect(
            [...API_KEY_SCOPES, "any-key"],
            `${m} ${r.pattern} must declare its key scope`,
          ).toContain(declared);
        }
      }
    }
  });

  it("puts every Pinpoint-compatible route behind an AWS signature (withSigV4)", () => {
    const pinpoint = routes.filter((r) => r.pattern.startsWith("/api/pinpoint/"));
    expect(pinpoint.length).toBeGreaterThanOrEqual(4);
    for (const r of pinpoint)
      for (const m of r.methods)
        expect(r.src, `${m} ${r.pattern}`).toMatch(
          new RegExp(`export const ${m} = withSigV4(?:<[^>]*>)?\\(`),
        );
  });

  it("keeps public write keys to ingestion: only the Segment calls route asks for ingest", () => {
    const ingestRoutes = routes.filter((r) => /withApiKey(?:<[^>]*>)?\(\s*"ingest"/.test(r.src));
    expect(ingestRoutes.map((r) => r.pattern)).toEqual(["/api/v1/[call]"]);
  });
});
