import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { findEventImport } from "@/db/queries/pinpoint-event-imports";
import { createEventImportFromPath } from "@/lib/pinpoint/events/create-event-import";
import { runNextEventImport } from "@/lib/pinpoint/events/run-next-event-import";

// `npm run import:pinpoint -- --events <file-or-folder>… --workspace <slug>`: Pinpoint
// event-stream files (a folder is read recursively: *.gz, *.ndjson, *.jsonl, *.json) imported as
// event history, each stored and run by the same job as an upload in Settings, here in this
// process and to its end, with progress on stderr. Exits 1 when a file fails or has refused lines.
const EVENT_FILE = /\.(gz|ndjson|jsonl|json)$/i;

async function filesOf(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const out: string[] = [];
  for (const e of (await readdir(path, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (e.name.startsWith(".")) continue;
    const full = join(path, e.name);
    if (e.isDirectory()) out.push(...(await filesOf(full)));
    else if (EVENT_FILE.test(e.name)) out.push(full);
  }
  return out;
}

export async function importEventHistoryCli(workspaceId: string, paths: string[]) {
  let failed = false;
  for (const path of (await Promise.all(paths.map(filesOf))).flat()) {
    const imp = await createEventImportFromPath(workspaceId, path);
    for (;;) {
      const r = await runNextEventImport({
        onlyId: imp.id,
        onProgress: (p) =>
          process.stderr.isTTY &&
          process.stderr.write(`\r${path}: ${p.phase} line ${p.line}/${p.totalLines}   `),
      });
      // null: a retry's backoff holds the lease; the loop asks again until it is free.
      if (r && (r.outcome === "completed" || r.outcome === "failed")) break;
      if (!r) await new Promise((res) => setTimeout(res, 1000));
    }
    const done = (await findEventImport(workspaceId, imp.id))!;
    if (process.stderr.isTTY) process.stderr.write("\n");
    console.info(
      `${path}: ${done.status}; ${done.imported} imported, ${done.duplicates} already stored, ${done.refused} refused of ${done.totalLines} lines`,
    );
    if (done.failureReason) console.info(`  ${done.failureReason}`);
    for (const e of done.errors) console.info(`  line ${e.line}: ${e.message}`);
    if (done.status !== "completed" || done.refused) failed = true;
  }
  if (failed) process.exitCode = 1;
}
