import type { TProgress } from "./import-pinpoint-export";

/**
 * The command line of `npm run import:pinpoint` (scripts/import-pinpoint.ts), apart from the
 * script so it can be tested without a database or a process to exit.
 */
export const USAGE =
  "usage: npm run import:pinpoint -- <folder-or-zip> --workspace <slug> [--dry-run] [--json]\n" +
  "       npm run import:pinpoint -- --events <file-or-folder>... --workspace <slug>";

export type TImportArgs = {
  path: string;
  workspace: string;
  dryRun: boolean;
  json: boolean;
  events: string[];
};

/** Throws with the usage when the arguments do not make a command. */
export function parseImportArgs(argv: string[]): TImportArgs {
  const out: TImportArgs = { path: "", workspace: "", dryRun: false, json: false, events: [] };
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

/** One frame of the progress bar, drawn over the last with `\r`. */
export function progressLine(p: TProgress, width = 30): string {
  const filled = p.total ? Math.round((p.done / p.total) * width) : width;
  const bar = `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
  return `\r${bar} ${p.phase} ${p.done}/${p.total} ${(p.label ?? "").slice(0, 50).padEnd(50)}`;
}
