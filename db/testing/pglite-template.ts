import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import type { Db, DbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import * as schema from "@/db/schema";

/**
 * An in-memory PGlite for one test file, migrated. Starting PGlite and applying every migration
 * took each test file several seconds of CPU (most of a small file's time); the first file to need
 * one after the migrations change dumps its freshly migrated data directory to the temp folder,
 * keyed by the migrations' and PGlite's content, and every later file (in this run and the next)
 * starts from that dump. migrateDb still runs on it (and applies nothing), so a migration added
 * since is never missed. Not a fixture: the dump is exactly what migrating a fresh database gives.
 */
export async function migratedPglite(): Promise<DbHandle> {
  const file = templateFile();
  const fromTemplate = existsSync(file);
  const client = fromTemplate
    ? new PGlite({ loadDataDir: new Blob([readFileSync(file)]) })
    : new PGlite();
  const db = drizzle({ client, schema }) as unknown as Db;
  const handle: DbHandle = { kind: "pglite", db, client, close: () => client.close() };
  await migrateDb(handle);
  if (!fromTemplate) {
    const dump = Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer());
    mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed: a file running beside this one reads a whole dump or none.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, dump);
    renameSync(partial, file);
  }
  return handle;
}

function templateFile(): string {
  const hash = createHash("sha256");
  const migrations = path.join(process.cwd(), "db/migrations");
  for (const name of readdirSync(migrations, { recursive: true, encoding: "utf8" }).sort()) {
    const full = path.join(migrations, name);
    if (!name.endsWith(".sql") && !name.endsWith(".json")) continue;
    hash.update(name).update(readFileSync(full));
  }
  const pglitePkg = path.join(process.cwd(), "node_modules/@electric-sql/pglite/package.json");
  hash.update(existsSync(pglitePkg) ? readFileSync(pglitePkg) : "unknown pglite");
  return path.join(
    os.tmpdir(),
    "waymark-test-pglite",
    `migrated-${hash.digest("hex").slice(0, 16)}.tar`,
  );
}
