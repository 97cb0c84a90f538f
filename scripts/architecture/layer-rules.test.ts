import { describe, expect, it } from "vitest";
import {
  formatViolation,
  importsOf,
  layerViolations,
  queryConventionViolations,
  workspaceScopeViolations,
} from "./layer-rules";

// The architecture test is only as good as its reading of imports: each rule is shown to fail on a
// made-up offending file, naming the file, the line and the import.
const check = (file: string, src: string) => layerViolations(file, src).map(formatViolation);

describe("layer rules", () => {
  it("tells type-only imports from runtime ones", () => {
    const src = [
      'import type { A } from "a";',
      'import { type B, type C } from "b";',
      'import { type D, e } from "c";',
      'import f from "d";',
      'export type { G } from "e";',
      'export { h } from "f";',
      'const m = await import("g");',
    ].join("\n");
    expect(importsOf("x.ts", src).map((i) => [i.specifier, i.typeOnly, i.line])).toEqual([
      ["a", true, 1],
      ["b", true, 2],
      ["c", false, 3],
      ["d", false, 4],
      ["e", true, 5],
      ["f", false, 6],
      ["g", false, 7],
    ]);
  });

  it("db/ imports lib/ only as types (lib/env aside)", () => {
    const file = "db/queries/things.ts";
    expect(check(file, 'import { PAGE_SIZE } from "@/lib/things/params";')).toEqual([
      'db/queries/things.ts:1 imports "@/lib/things/params": db/ imports lib/ only as `import type` (lib depends on db, not back)',
    ]);
    expect(check(file, '\nimport { x } from "../../lib/things/params";')).toHaveLength(1);
    expect(check(file, 'import type { TThing } from "@/lib/things/params";')).toEqual([]);
    expect(check("db/index.ts", 'import { env } from "@/lib/env";')).toEqual([]);
  });

  it("drizzle and tables are used only in db/, the segment compiler aside", () => {
    expect(check("lib/things/save-thing.ts", 'import { and, eq } from "drizzle-orm";')).toEqual([
      'lib/things/save-thing.ts:1 imports "drizzle-orm": drizzle query builders and `sql` live in db/queries; call a query function instead',
    ]);
    expect(check("app/api/x/route.ts", 'import { sql } from "drizzle-orm";')).toHaveLength(1);
    expect(check("lib/things/a.ts", 'import { contacts } from "@/db/schema";')).toEqual([
      'lib/things/a.ts:1 imports "@/db/schema": tables of db/schema are queried only in db/queries; call a query function',
    ]);
    expect(check("lib/things/a.ts", 'import * as schema from "@/db/schema";')).toHaveLength(1);
    expect(
      check("lib/things/a.ts", 'import { CHANNELS, type TContact } from "@/db/schema";'),
    ).toEqual([]);
    expect(check("lib/things/a.ts", 'import type { SQL } from "drizzle-orm";')).toEqual([]);
    expect(check("lib/segments/segment-to-sql.ts", 'import { sql } from "drizzle-orm";')).toEqual(
      [],
    );
    expect(check("db/queries/things.ts", 'import { sql } from "drizzle-orm";')).toEqual([]);
    expect(check("db/schema/things.ts", 'import { sql } from "drizzle-orm";')).toEqual([]);
    // Elsewhere in db/: drivers and migrators only (db/index.ts, db/migrate.ts).
    expect(check("db/retry.ts", 'import { sql } from "drizzle-orm";')).toHaveLength(1);
    expect(check("db/index.ts", 'import { drizzle } from "drizzle-orm/node-postgres";')).toEqual(
      [],
    );
    expect(
      check("db/migrate.ts", 'import { migrate } from "drizzle-orm/pglite/migrator";'),
    ).toEqual([]);
  });

  it("lib/ never imports inngest/, not even as a type", () => {
    const file = "lib/journeys/runtime/enter.ts";
    expect(check(file, 'import { emitEvents } from "@/inngest/emit-events";')).toEqual([
      'lib/journeys/runtime/enter.ts:1 imports "@/inngest/emit-events": lib/ never imports inngest/; take the adapter as a port (inngest/ binds it)',
    ]);
    expect(check(file, 'import type { inngest } from "../../../inngest/client";')).toHaveLength(1);
    expect(check(file, 'const m = await import("@/inngest/events");')).toHaveLength(1);
    expect(check("inngest/functions/run.ts", 'import { x } from "@/lib/journeys/a";')).toEqual([]);
  });

  it("components/ import db/ only as types", () => {
    expect(check("components/things/table.tsx", 'import { db } from "@/db";')).toEqual([
      'components/things/table.tsx:1 imports "@/db": components/ import db/ only as `import type` (they run in the browser)',
    ]);
    expect(
      check("components/things/table.tsx", 'import type { TRow } from "@/db/queries/x";'),
    ).toEqual([]);
  });

  it("lets tests and testing/ helpers reach across layers, but not from lib/ into inngest/", () => {
    const src = 'import { eq } from "drizzle-orm";\nimport { s } from "@/db/schema";';
    expect(check("lib/things/a.test.ts", src)).toEqual([]);
    expect(check("lib/things/testing/fixtures.ts", src)).toEqual([]);
    expect(check("lib/things/a.ts", src)).toHaveLength(2);
    const executor = 'import { emitEvents } from "@/inngest/emit-events";';
    expect(check("lib/things/a.test.ts", executor)).toHaveLength(1);
    expect(check("lib/things/testing/fixtures.ts", executor)).toHaveLength(1);
  });

  it("wants the executor last in db/queries", () => {
    const first = "export async function findThing(ex: Executor, workspaceId: string) {}";
    const last = "export async function findThing(workspaceId: string, ex: Executor = db()) {}";
    expect(queryConventionViolations("db/queries/things.ts", `\n${first}`)).toEqual([
      {
        file: "db/queries/things.ts",
        line: 2,
        specifier: "findThing",
        rule: "a query function takes its executor as the last parameter",
      },
    ]);
    expect(queryConventionViolations("db/queries/things.ts", last)).toEqual([]);
    expect(queryConventionViolations("lib/things/x.ts", first)).toEqual([]);
  });

  it("wants every query scoped by workspace, named AnyWorkspace, or listed with a reason", () => {
    const file = "db/queries/things.ts";
    const src = [
      "export async function findThing(workspaceId: string, id: string, ex: Executor = db()) {}",
      "export async function listThings(p: { workspaceId: string; q: string }, ex: Executor) {}",
      "export async function insertThing(row: TThingInsert, ex: Executor = db()) {}",
      "export async function sweepThingsAnyWorkspace(ex: Executor = db()) {}",
      "export async function findThingById(id: string, ex: Executor = db()) {}",
      "async function helper(id: string) {}",
    ].join("\n");
    expect(workspaceScopeViolations(file, src).map((v) => [v.line, v.specifier])).toEqual([
      [5, "findThingById"],
    ]);
    expect(workspaceScopeViolations("db/queries/executor-runs.ts", src)).toEqual([]);
    expect(workspaceScopeViolations("lib/things/x.ts", src)).toEqual([]);
  });
});
