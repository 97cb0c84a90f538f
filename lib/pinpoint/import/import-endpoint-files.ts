import { ENDPOINT_APPROXIMATIONS, importEndpointFile } from "./import-endpoints";
import type { TImportOptions } from "./import-pinpoint-export";
import type { TPlan } from "./plan-import";
import type { TReportEntry } from "./report";

/** The folder an endpoint file sits in, when it is named after a segment id (an imported segment's export). */
function segmentFolderOf(path: string, segmentIds: Set<string>): string | null {
  for (const part of path.split("/").slice(0, -1)) if (segmentIds.has(part)) return part;
  return null;
}

/**
 * Endpoints first: contacts must exist before an imported segment collects its members. Each file
 * is reported as one entry; the ids of a file in a segment's folder become that segment's
 * members (and the segment is imported as static, with its endpoints).
 */
export async function importEndpoints(
  workspaceId: string,
  plan: TPlan,
  segmentIds: Set<string>,
  opts: TImportOptions,
  entries: TReportEntry[],
) {
  const withEndpoints = new Set<string>();
  const endpointIdsBySegment = new Map<string, string[]>();
  for (const f of plan.endpointFiles) {
    const s = segmentFolderOf(f.path, segmentIds);
    if (s) withEndpoints.add(s);
  }

  for (const [i, file] of plan.endpointFiles.entries()) {
    opts.onProgress?.({
      phase: "endpoints",
      done: i,
      total: plan.endpointFiles.length,
      label: file.path,
    });
    const segment = segmentFolderOf(file.path, segmentIds);
    const r = await importEndpointFile(workspaceId, file, {
      dryRun: opts.dryRun,
      onIds: segment
        ? (ids) => {
            const list = endpointIdsBySegment.get(segment) ?? [];
            list.push(...ids);
            endpointIdsBySegment.set(segment, list);
          }
        : undefined,
      onProgress: (lines) =>
        opts.onProgress?.({
          phase: "endpoints",
          done: i,
          total: plan.endpointFiles.length,
          label: `${file.path}: ${lines} lines`,
        }),
    });
    entries.push({
      file: file.path,
      kind: "endpoints",
      pinpointId: file.path,
      name: file.path,
      becomes: `${r.imported} endpoint(s) as contacts${segment ? ` (members of segment ${segment})` : ""}`,
      action: "create",
      approximated: ENDPOINT_APPROXIMATIONS,
      unsupported: [],
      errors: r.errors,
      counts: { lines: r.lines, imported: r.imported, refused: r.refused },
    });
  }
  return { withEndpoints, endpointIdsBySegment };
}
