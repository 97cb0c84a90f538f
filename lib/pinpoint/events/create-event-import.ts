import { createReadStream } from "node:fs";
import { insertEventImportWithChunks } from "@/db/queries/pinpoint-event-imports";
import { ValidationError } from "@/lib/errors";
import { EVENT_CHUNK_BYTES } from "./limits";

const NAME = /\.(gz|ndjson|jsonl|json|txt)$/i;

/**
 * Stores an uploaded event-stream file as a queued event-history import. The bytes are kept as
 * they came (gzip stays gzip) in EVENT_CHUNK_BYTES pieces; the import job reads them back as one
 * stream. A zip is refused with a pointer to the definitions import (which reads zips).
 */
export async function createEventImport(
  workspaceId: string,
  userId: string | null,
  file: { name: string; bytes: Uint8Array },
) {
  const fail = (message: string) => new ValidationError({ file: message });
  if (!NAME.test(file.name))
    throw fail(
      "Upload an event-stream file: newline-delimited JSON (.json, .ndjson, .jsonl), gzip or not (.gz).",
    );
  if (!file.bytes.length) throw fail("The file is empty.");
  if (file.bytes[0] === 0x50 && file.bytes[1] === 0x4b)
    throw fail("This is a zip: upload the event files inside it, one at a time or by the CLI.");
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < file.bytes.length; at += EVENT_CHUNK_BYTES)
    chunks.push(file.bytes.subarray(at, at + EVENT_CHUNK_BYTES));
  return insertEventImportWithChunks(
    { workspaceId, createdBy: userId, fileName: file.name.slice(0, 255) },
    chunks,
  );
}

/** The CLI's way in: a file on disk stored piece by piece, never whole in memory. */
export async function createEventImportFromPath(workspaceId: string, path: string) {
  const name = path.split("/").pop() ?? path;
  if (!NAME.test(name))
    throw new ValidationError({
      file: `${path} is not an event-stream file (.gz, .ndjson, .jsonl, .json)`,
    });
  return insertEventImportWithChunks(
    { workspaceId, createdBy: null, fileName: path.slice(-255) },
    createReadStream(path, { highWaterMark: EVENT_CHUNK_BYTES }) as AsyncIterable<Buffer>,
  );
}
