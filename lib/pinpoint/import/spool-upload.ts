import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "@/lib/errors";

/**
 * A raw .zip upload written to a temporary file as it arrives (never held in memory), refused
 * with 413 as soon as it passes `maxBytes`; `read` reads it from there, and the file is removed
 * whatever happens. The zip format needs its entries read one by one (read-zip-stream.ts), so the
 * bytes must be somewhere they can be read again: disk, not memory.
 */
export async function withSpooledUpload<T>(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  read: (path: string) => Promise<T>,
): Promise<T> {
  if (!body)
    throw new AppError(400, "validation_error", "The upload is empty", { zip: "is empty" });
  const dir = await mkdtemp(join(tmpdir(), "waymark-pinpoint-"));
  const path = join(dir, "export.zip");
  try {
    let seen = 0;
    const cap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        seen += chunk.length;
        if (seen > maxBytes) {
          const mb = Math.round(maxBytes / 1024 / 1024);
          return done(
            new AppError(413, "payload_too_large", `The upload is larger than ${mb} MB`, {
              zip: `must be at most ${mb} MB; use npm run import:pinpoint for larger exports`,
            }),
          );
        }
        done(null, chunk);
      },
    });
    await pipeline(
      Readable.fromWeb(body as Parameters<typeof Readable.fromWeb>[0]),
      cap,
      createWriteStream(path),
    );
    return await read(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
