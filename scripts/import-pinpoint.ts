import { dbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { findWorkspaceIdBySlug } from "@/db/queries/pinpoint-imports";
import { setEventSink } from "@/inngest/emit-events";
import { formatReport } from "@/lib/pinpoint/import/format-report";
import { importPinpointExport, type TProgress } from "@/lib/pinpoint/import/import-pinpoint-export";
import { readPath } from "@/lib/pinpoint/import/read-export";
import { importEventHistoryCli } from "./import-pinpoint-events";

// `npm run import:pinpoint -- <folder-or-zip> --workspace <slug> [--dry-run] [--json]`:
// the same import as Settings → Import from Pinpoint, with a progress bar on stderr and the
// report on stdout. Exits 1 when any object or file has an error.
const USAGE =
  "usage: npm run import:pinpoint -- <folder-or-zip> --workspace <slug> [--dry-run] [--json]\n" +
  "       npm run import:pinpoint -- --events <file-or-folder>... --workspace <slug>";

function parseArgs(argv: string[]) {
  const out = { path: "", workspace: "", dryRun: false, json: false, events: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--workspace") out.workspace = argv[++i] ?? "";
    else if (a.startsWith("--workspace=")) out.workspace = a.slice(12);
    else if (a === "--dry-run") out.dryRun = true;
    else if (a === "--json") out.json = true;
    // Event history (scripts/import-pinpoint-events.ts): every path after --events.
    else if (a === "--events")
      while (argv[i + 1] && !argv[i + 1]!.startsWith("--")) out.events.push(argv[++i]!);
    else if (!a.startsWith("--") && !out.path) out.path = a;
    else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if ((!out.path && !out.events.length) || !out.workspace) throw new Error(USAGE);
  return out;
}

function progressBar(p: TProgress) {
  if (!process.stderr.isTTY && p.phase !== "done") return;
  const width = 30;
  const filled = p.total ? Math.round((p.done / p.total) * width) : width;
  const bar = `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
  process.stderr.write(
    `\r${bar} ${p.phase} ${p.done}/${p.total} ${(p.label ?? "").slice(0, 50).padEnd(50)}`,
  );
  if (p.phase === "done") process.stderr.write("\n");
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
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
