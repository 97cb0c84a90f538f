import { z } from "zod";
import { listStreamExportFiles, readStreamExportChunks } from "@/db/queries/stream-exports";
import { NotFoundError, ValidationError } from "@/lib/errors";
import {
  ZNdjsonDestinationSettings,
  parsePeriodKey,
  periodKey,
} from "./destinations/ndjson-destination";
import { findDestinationOrThrow } from "./manage-destinations";
import { listStreamDestinations } from "@/db/queries/stream-destinations";

export const ZExportListQuery = z.object({
  destinationId: z.uuid("Must be a destination id").optional(),
  since: z.iso.datetime({ offset: true, message: "Must be an ISO date-time" }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** An export file as the API lists it, with the path that downloads it. */
export async function listExportFiles(workspaceId: string, query: unknown, basePath: string) {
  const parsed = ZExportListQuery.safeParse(query);
  if (!parsed.success)
    throw new ValidationError(
      Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "query", i.message])),
    );
  const q = parsed.data;
  const destinations = new Map(
    (await listStreamDestinations(workspaceId)).map((d) => [d.id, d] as const),
  );
  const files = await listStreamExportFiles(workspaceId, {
    destinationId: q.destinationId,
    since: q.since ? new Date(q.since) : undefined,
    limit: q.limit,
  });
  return files.flatMap((f) => {
    const d = destinations.get(f.destinationId);
    if (!d) return [];
    const period = ZNdjsonDestinationSettings.parse(d.config).period;
    const key = periodKey(f.periodStart, period);
    return [
      {
        destinationId: f.destinationId,
        destination: d.name,
        period,
        periodStart: f.periodStart.toISOString(),
        name: `waymark-events-${key}.ndjson.gz`,
        events: f.eventCount,
        bytes: f.bytes,
        updatedAt: f.updatedAt.toISOString(),
        url: `${basePath}/${f.destinationId}/${key}`,
      },
    ];
  });
}

/** A whole export file: its gzip members concatenated (a valid gzip stream), with its name. */
export async function readExportFile(workspaceId: string, destinationId: string, key: string) {
  const row = await findDestinationOrThrow(workspaceId, destinationId);
  const start = parsePeriodKey(key.replace(/\.ndjson\.gz$/, ""));
  if (row.kind !== "ndjson" || !start) throw new NotFoundError("No such export file");
  const chunks = await readStreamExportChunks(workspaceId, destinationId, start);
  if (!chunks.length) throw new NotFoundError("No such export file");
  const period = ZNdjsonDestinationSettings.parse(row.config).period;
  return {
    name: `waymark-events-${periodKey(start, period)}.ndjson.gz`,
    body: Buffer.concat(chunks.map((c) => Buffer.from(c))),
  };
}
