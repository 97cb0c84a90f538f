import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countDatabaseTests, databaseLine, databaseTestFiles } from "./report-test-database";

describe("the line a test run prints about its database", () => {
  it("counts files using a database and files that run only on PostgreSQL", () => {
    const root = mkdtempSync(path.join(tmpdir(), "db-tests-"));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    const uses = 'import { useTestDb } from "@/db/testing/test-db";\nawait useTestDb();';
    write("lib/a/a.test.ts", uses);
    write("db/queries/b.test.ts", uses.replace("@/db/testing/test-db", "./testing/test-db"));
    write(
      "lib/c/c.test.ts",
      `import { describeOnPostgres } from "@/db/testing/postgres-only";\n${uses}`,
    );
    // Mentions without imports (like this file's) do not count; nor do files that are not tests.
    write("lib/d/d.test.ts", 'write("x.test.ts", "await useTestDb(); describeOnPostgres(");');
    write("lib/e/e.ts", uses);
    write("app/f/f.test.ts", 'import { openDb, setDbHandle } from "@/db";\nopenDb({});');
    expect(countDatabaseTests(root)).toEqual({ database: 3, postgresOnly: 1 });
    // CI's PostgreSQL pass runs these and nothing else.
    expect(databaseTestFiles(root)).toEqual([
      "app/f/f.test.ts",
      "db/queries/b.test.ts",
      "lib/a/a.test.ts",
      "lib/c/c.test.ts",
    ]);
  });

  it("without DATABASE_URL names what was skipped and how to run it", () => {
    expect(databaseLine(undefined, { database: 30, postgresOnly: 2 })).toBe(
      "[db tests] 30 files on embedded PGlite (in memory); PostgreSQL-only tests SKIPPED (2 files). Set DATABASE_URL=postgres://user@host:5432/db to run them on PostgreSQL.",
    );
    expect(databaseLine(undefined, { database: 31, postgresOnly: 0 })).toContain(
      "no test needs PostgreSQL only",
    );
  });

  it("with DATABASE_URL names the server and never a password", () => {
    const line = databaseLine("postgres://u:secret@db.internal:5433/ci", {
      database: 30,
      postgresOnly: 2,
    });
    expect(line).toBe(
      "[db tests] 32 files on PostgreSQL at db.internal:5433 (each in a fresh database next to ci, dropped after)",
    );
  });
});
