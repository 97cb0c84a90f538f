import { gzipSync } from "node:zlib";
import { z } from "zod";
import { upsertStreamExportChunk } from "@/db/queries/stream-exports";
import type { StreamDestination, TDeliveryOutcome, TStreamBatch } from "./destination";

export const ZNdjsonDestinationSettings = z.object({
  period: z.enum(["hour", "day"]).default("hour"),
});
export type TExportPeriod = z.infer<typeof ZNdjsonDestinationSettings>["period"];

/** The start (UTC) of the hour or day an instant falls in. */
export function periodStartOf(at: Date, period: TExportPeriod): Date {
  const d = new Date(at);
  d.setUTCMinutes(0, 0, 0);
  if (period === "day") d.setUTCHours(0);
  return d;
}

/** `2026-12-06T23` for an hour file, `2026-12-06` for a day file: the file's name in URLs. */
export function periodKey(start: Date, period: TExportPeriod): string {
  const iso = start.toISOString();
  return period === "day" ? iso.slice(0, 10) : iso.slice(0, 13);
}

/** Reads a file key back (either length), or null. */
export function parsePeriodKey(key: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}))?$/.exec(key);
  if (!m) return null;
  const d = new Date(`${m[1]}T${m[2] ?? "00"}:00:00.000Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== m[1] ? null : d;
}

/**
 * NDJSON export files in the database: one file per hour or day (by when each event was
 * recorded), gzip, one record per line. Each batch is one gzip member appended to its file (a
 * batch across the hour is split); a batch written again replaces its earlier member, so a file
 * holds each event once. Listed and downloaded by the API (docs/event-stream.md).
 */
export function ndjsonDestination(settings: { period: TExportPeriod }): StreamDestination {
  return {
    async deliver(batch: TStreamBatch): Promise<TDeliveryOutcome> {
      const groups = new Map<number, { first: number; lines: string[] }>();
      batch.events.forEach((e, i) => {
        const start = periodStartOf(new Date(e.recordedAt), settings.period).getTime();
        const g = groups.get(start) ?? { first: Number(e.id.slice(4)), lines: [] };
        g.lines.push(JSON.stringify(batch.records[i]));
        groups.set(start, g);
      });
      for (const [start, g] of groups)
        await upsertStreamExportChunk({
          workspaceId: batch.workspaceId,
          destinationId: batch.destinationId,
          periodStart: new Date(start),
          firstEventId: g.first,
          eventCount: g.lines.length,
          gz: gzipSync(`${g.lines.join("\n")}\n`),
        });
      return { ok: true };
    },
  };
}
