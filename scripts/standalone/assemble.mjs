// Completes Next's standalone output into what the image ships (the Dockerfile runs this too):
// `next build` writes .next/standalone (server.js plus the traced node_modules) but leaves out the
// static assets, public/ and the SQL migrations the app applies at start. Idempotent and cheap:
// it does nothing when the standalone folder already holds this build (same BUILD_ID).
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const out = path.join(root, ".next/standalone");
const buildIdFile = path.join(root, ".next/BUILD_ID");

if (!existsSync(path.join(out, "server.js")) || !existsSync(buildIdFile)) {
  console.error(
    "No standalone build: run `next build` first (next.config.ts sets output: standalone).",
  );
  process.exit(1);
}
const buildId = readFileSync(buildIdFile, "utf8").trim();
const stamp = path.join(out, ".assembled");
if (existsSync(stamp) && readFileSync(stamp, "utf8") === buildId) process.exit(0);

const copies = [
  [".next/static", ".next/static"],
  ["public", "public"],
  ["db/migrations", "db/migrations"],
];
for (const [from, to] of copies) {
  const src = path.join(root, from);
  if (!existsSync(src)) continue;
  rmSync(path.join(out, to), { recursive: true, force: true });
  cpSync(src, path.join(out, to), { recursive: true });
}
writeFileSync(stamp, buildId);
console.info(`standalone build ${buildId} assembled in ${path.relative(root, out)}`);
