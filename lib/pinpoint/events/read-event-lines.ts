import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

/** The file cannot be read past `line` (a gzip cut off or damaged there). */
export class EventFileError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(
      `The file cannot be read after line ${line} (${reason}): it is cut off or damaged. Nothing was imported.`,
    );
  }
}

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/**
 * The lines of an event-stream file given as pieces of bytes, gunzipped as a stream when the
 * file is gzip (its first bytes say so, whatever its name), so memory stays flat whatever the
 * file's size. Lines are numbered from 1; a gzip that is cut off or damaged throws EventFileError
 * naming the last line read whole. Firehose's concatenated gzip members are read as one file.
 */
export async function* readEventLines(
  pieces: AsyncIterable<Uint8Array>,
): AsyncGenerator<{ line: number; text: string }> {
  const iterator = pieces[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  async function* all() {
    yield first.value as Uint8Array;
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) yield r.value;
  }
  const gz = isGzip(first.value as Uint8Array);
  const source = Readable.from(all(), { objectMode: false });
  const bytes: AsyncIterable<Buffer> = gz ? source.pipe(createGunzip()) : source;
  if (gz) source.on("error", (e) => (bytes as Readable).destroy(e));
  const decoder = new TextDecoder("utf-8");
  let line = 0;
  let rest = "";
  try {
    for await (const chunk of bytes) {
      const text = rest + decoder.decode(chunk, { stream: true });
      const parts = text.split("\n");
      rest = parts.pop()!;
      for (const p of parts) yield { line: ++line, text: p.replace(/\r$/, "") };
    }
  } catch (err) {
    throw new EventFileError(line, (err as Error).message);
  }
  rest += decoder.decode();
  if (rest.trim()) yield { line: ++line, text: rest.replace(/\r$/, "") };
}
