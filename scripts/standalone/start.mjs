// `npm start`: the standalone server (what the image runs) from a checkout. server.js changes
// into .next/standalone, which the next build wipes: an embedded database is kept in the
// checkout's .data/ instead, as under `next dev`.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { execFileSync } from "node:child_process";

const root = path.resolve(import.meta.dirname, "../..");
execFileSync(process.execPath, [path.join(root, "scripts/standalone/assemble.mjs")], {
  stdio: "inherit",
});
if (!process.env.DATABASE_URL && !process.env.PGLITE_DIR?.startsWith("memory://"))
  process.env.PGLITE_DIR = path.resolve(root, process.env.PGLITE_DIR ?? ".data/pglite");
process.env.NEXT_MANUAL_SIG_HANDLE ??= "true";
await import(pathToFileURL(path.join(root, ".next/standalone/server.js")).href);
