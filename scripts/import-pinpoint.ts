import { dbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { findWorkspaceIdBySlug } from "@/db/queries/pinpoint-imports";
import { setEventSink } from "@/inngest/emit-events";
import { formatReport } from "@/lib/pinpoint/import/format-report";
import { importPinpointExport, type TProgress } from "@/lib/pinpoint/import/import-pinpoint-export";
import { parseImportArgs, progressLine } from "@/lib/pinpoint/import/parse-import-args";
import { readPath } from "@/lib/pinpoint/import/read-export";
import { importEventHistoryCli } from "./import-pinpoint-events";

// `npm run import:pinpoint -- <folder-or-zip> --workspace <slug> [--dry-run] [--json]`:
// the same import as Settings → Import from Pinpoint, with a progress bar on stderr and the
// report on stdout. Exits 1 when any object or file has an error.
function progressBar(p: TProgress) {
  // Piped to a file, the frames would be hundreds of lines; only the last is written.
  if (!process.stderr.isTTY && p.phase !== "done") return;
  process.stderr.write(progressLine(p));
  if (p.phase === "done") process.stderr.write("\n");
}

async function main() {
  const args = parseImportArgs(process.argv.slice(2));
  setEventSink();
  const handle = dbHandle();
  try {
    await migrateDb(handle);
    const workspace = await findWorkspaceIdBySlug(args.workspace);
    if (!workspace) throw new Error(`no workspace with the slug "${args.workspace}"`);
    if (args.events.length) return await importEventHistoryCli(workspace.id, args.events);
    const report = await importPinpointExport(workspace.id, await readPath(args.path), {
      dryRun: args.dryRun,
      userId: null,
      onProgress: progressBar,
    });
    console.info(args.json ? JSON.stringify(report, null, 2) : formatReport(report));
    if (report.totals.errors) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
