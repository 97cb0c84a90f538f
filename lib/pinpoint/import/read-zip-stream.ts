import { PassThrough, Readable } from "node:stream";
import { Unzip, UnzipInflate } from "fflate";

/**
 * A zip read as a stream, never whole: listing its entries is one pass that inflates nothing, and
 * each entry is read by another pass that inflates only that entry, chunk by chunk, with the
 * source paused while the reader is behind. Memory stays flat whatever the zip's size (a large
 * Pinpoint export's endpoint files); the zip is read once per entry, which costs time, not memory.
 */
export type TOpenZip = () => Readable;

/** Feeds `source` to an Unzip; `onFile` sees each entry. Resolves at the end of the zip. */
function scan(
  source: Readable,
  onFile: (file: Parameters<ConstructorParameters<typeof Unzip>[0] & object>[0]) => void,
  signal: { stop: boolean },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const unzip = new Unzip(onFile);
    unzip.register(UnzipInflate);
    source.on("data", (chunk: Buffer) => {
      if (signal.stop) return;
      try {
        unzip.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      } catch (err) {
        source.destroy();
        reject(err as Error);
      }
    });
    source.on("end", () => {
      try {
        if (!signal.stop) unzip.push(new Uint8Array(0), true);
        resolve();
      } catch (err) {
        reject(err as Error);
      }
    });
    source.on("close", () => resolve());
    source.on("error", reject);
  });
}

/** The names of the zip's entries, in the order they are stored (folders left out). */
export async function listZipEntries(open: TOpenZip): Promise<string[]> {
  const names: string[] = [];
  const source = open();
  await scan(source, (f) => void (f.name.endsWith("/") ? null : names.push(f.name)), {
    stop: false,
  });
  // A stream that ended without one local file header is not a zip (an empty zip has none
  // either, and is refused the same way: there is nothing to import in it).
  if (!names.length) throw new Error("no files found; is it a zip?");
  return names;
}

/** One entry's inflated bytes as a stream; errors (a corrupt entry) surface on the stream. */
export function openZipEntry(open: TOpenZip, name: string): Readable {
  const out = new PassThrough();
  const source = open();
  const signal = { stop: false };
  let found = false;
  out.on("drain", () => source.resume());
  // The reader went away (an error in the caller, a dry run that needed only the first lines).
  out.on("close", () => {
    signal.stop = true;
    source.destroy();
  });
  scan(
    source,
    (f) => {
      if (f.name !== name || found) return;
      found = true;
      f.ondata = (err, chunk, final) => {
        if (err) return void out.destroy(err);
        if (!out.write(Buffer.from(chunk))) source.pause();
        if (final) {
          signal.stop = true;
          out.end();
          source.destroy();
        }
      };
      try {
        f.start();
      } catch (err) {
        out.destroy(err as Error);
      }
    },
    signal,
  ).then(
    () => {
      if (!found) out.destroy(new Error(`${name} is missing from the zip`));
    },
    (err: Error) => out.destroy(err),
  );
  return out;
}

/** All of one entry's text (JSON files: small, read whole by design). */
export async function readZipEntryText(open: TOpenZip, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of openZipEntry(open, name)) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
