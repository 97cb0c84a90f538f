import { Readable, Transform, Writable, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { AppError, ValidationError } from "@/lib/errors";

/**
 * The one way a route reads a request body: in bytes, refused with 413 as soon as it passes
 * `maxBytes`, and decompressed when it says `Content-Encoding: gzip` or `deflate` (as RudderStack's
 * and Segment's SDKs send batches). The limit applies to the decompressed bytes, counted as they
 * stream out of the inflater, so a zip bomb is stopped one zlib chunk past the limit instead of
 * being inflated whole.
 */
export type TReadBodyOptions = {
  maxBytes: number;
  /** Whether gzip/deflate bodies are accepted (415 otherwise). On by default. */
  allowCompressed?: boolean;
};

export class BodyTooLargeError extends AppError {
  constructor(maxBytes: number) {
    super(413, "payload_too_large", `Request body is larger than ${formatBytes(maxBytes)}`, {
      body: `must be at most ${formatBytes(maxBytes)}`,
    });
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / 1024 / 1024} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

type TEncoding = "identity" | "gzip" | "deflate";

function encodingOf(req: Request, allowCompressed: boolean): TEncoding {
  const raw = (req.headers.get("content-encoding") ?? "").trim().toLowerCase();
  if (raw === "" || raw === "identity") return "identity";
  if (allowCompressed && (raw === "gzip" || raw === "x-gzip")) return "gzip";
  if (allowCompressed && raw === "deflate") return "deflate";
  throw new AppError(
    415,
    "unsupported_encoding",
    allowCompressed
      ? `Content-Encoding ${raw} is not supported; send gzip, deflate or an uncompressed body`
      : "Send this body uncompressed (no Content-Encoding)",
    { "content-encoding": "must be gzip, deflate or absent" },
  );
}

/** Counts bytes through and fails with `onOver` past `limit`, before passing the chunk on. */
function counter(limit: number, onOver: () => Error): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      seen += chunk.byteLength;
      if (seen > limit) return done(onOver());
      done(null, chunk);
    },
  });
}

/**
 * HTTP's "deflate" is zlib-wrapped (RFC 9110), but some clients send raw DEFLATE. A zlib stream
 * starts with a CMF/FLG pair whose 16-bit value is a multiple of 31 and whose method is 8.
 */
function inflaterFor(encoding: "gzip" | "deflate", first: Buffer | undefined): Transform {
  const opts = { chunkSize: 16 * 1024 };
  if (encoding === "gzip") return zlib.createGunzip(opts);
  const zlibWrapped =
    first !== undefined &&
    first.length >= 2 &&
    (first[0]! & 0x0f) === 8 &&
    ((first[0]! << 8) | first[1]!) % 31 === 0;
  return zlibWrapped ? zlib.createInflate(opts) : zlib.createInflateRaw(opts);
}

const isZlibError = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("Z_");
};

/** Reads the whole body as bytes under the rules above. */
export async function readBodyBytes(req: Request, opts: TReadBodyOptions): Promise<Buffer> {
  const { maxBytes } = opts;
  const encoding = encodingOf(req, opts.allowCompressed ?? true);
  // Compressed bytes may exceed the plain ones slightly for data that does not compress.
  const wireLimit = encoding === "identity" ? maxBytes : maxBytes + (maxBytes >> 6) + 1024;
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > wireLimit) throw new BodyTooLargeError(maxBytes);
  if (!req.body) return Buffer.alloc(0);

  const reader = req.body.getReader();
  const first = await reader.read();
  const firstChunk = first.done ? undefined : Buffer.from(first.value);
  const source = Readable.from(
    (async function* () {
      if (firstChunk) yield firstChunk;
      if (first.done) return;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield Buffer.from(value);
        }
      } finally {
        await reader.cancel().catch(() => undefined);
      }
    })(),
    { objectMode: false },
  );

  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      parts.push(chunk);
      done();
    },
  });
  const tooLarge = () => new BodyTooLargeError(maxBytes);
  try {
    if (encoding === "identity") {
      await pipeline(source, counter(maxBytes, tooLarge), sink);
    } else {
      await pipeline(
        source,
        counter(wireLimit, tooLarge),
        inflaterFor(encoding, firstChunk),
        counter(maxBytes, tooLarge),
        sink,
      );
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (isZlibError(err))
      throw new ValidationError(
        { body: `Body is not valid ${encoding} data (truncated or corrupt)` },
        `Content-Encoding is ${encoding} but the body does not decompress`,
      );
    // The client went away or the stream broke: nothing to answer that it will read.
    throw new ValidationError({ body: "The request body could not be read" });
  }
  return Buffer.concat(parts);
}

/** Reads the body as UTF-8 text; bytes that are not UTF-8 are a 400, not replacement characters. */
export async function readBodyText(req: Request, opts: TReadBodyOptions): Promise<string> {
  const bytes = await readBodyBytes(req, opts);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ValidationError({ body: "Body is not valid UTF-8" });
  }
}
