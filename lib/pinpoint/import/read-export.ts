import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { Readable } from "node:stream";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { listZipEntries, openZipEntry, readZipEntryText, type TOpenZip } from "./read-zip-stream";

/**
 * The files of a Pinpoint export, from a folder (the CLI) or a .zip (the CLI and the upload).
 * JSON files are read whole (one object or list each); endpoint files (`*.gz` as an export job
 * writes them, `*.ndjson`, `*.jsonl`) are read line by line, gunzipped as a stream, so a large
 * export in a folder or a zip is read with flat memory.
 */
export type TExportFile = {
  path: string;
  /** True for newline-delimited endpoint files. */
  ndjson: boolean;
  text(): Promise<string>;
  lines(): AsyncIterable<string>;
};
export type TExportSource = { files: TExportFile[]; error?: string };

const IGNORED = /(^|\/)(__MACOSX|\.DS_Store$|\.)/;
const isNdjson = (path: string) => /\.(gz|ndjson|jsonl)$/i.test(path);

function linesOf(stream: Readable, gz: boolean): AsyncIterable<string> {
  const input = gz ? stream.pipe(createGunzip()) : stream;
  if (gz) stream.on("error", (e) => input.destroy(e));
  return createInterface({ input, crlfDelay: Infinity });
}

export async function readFolder(root: string): Promise<TExportSource> {
  const files: TExportFile[] = [];
  async function walk(dir: string) {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = join(dir, entry.name);
      const path = relative(root, full).split(sep).join("/");
      if (IGNORED.test(path)) continue;
      if (entry.isDirectory()) await walk(full);
      else if (/\.(json|gz|ndjson|jsonl)$/i.test(entry.name))
        files.push({
          path,
          ndjson: isNdjson(path),
          text: () => readFile(full, "utf8"),
          lines: () => linesOf(createReadStream(full), /\.gz$/i.test(path)),
        });
    }
  }
  await walk(root);
  return { files };
}

/**
 * A zip's files, read as a stream (read-zip-stream.ts): from bytes already in memory (a test, a
 * small upload) or from a file on disk (the CLI, and a large upload spooled there by the route).
 * A zip that cannot be listed is one error for the whole upload; an entry that cannot be
 * inflated is an error of that file only.
 */
export async function readZipFrom(open: TOpenZip): Promise<TExportSource> {
  let names: string[];
  try {
    names = await listZipEntries(open);
  } catch (err) {
    return { files: [], error: `the zip cannot be read (${(err as Error).message})` };
  }
  return {
    files: names
      .filter((n) => !IGNORED.test(n) && /\.(json|gz|ndjson|jsonl)$/i.test(n))
      .sort()
      .map((path) => ({
        path,
        ndjson: isNdjson(path),
        text: () => readZipEntryText(open, path),
        lines: () => linesOf(openZipEntry(open, path), /\.gz$/i.test(path)),
      })),
  };
}

export const readZip = (bytes: Uint8Array) =>
  readZipFrom(() => Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]));

export const readZipFile = (path: string) => readZipFrom(() => createReadStream(path));

/** Files sent one by one (a folder chosen in the browser), each as bytes. */
export function readFiles(list: { path: string; bytes: Uint8Array }[]): TExportSource {
  return {
    files: list
      .filter((f) => !IGNORED.test(f.path) && /\.(json|gz|ndjson|jsonl)$/i.test(f.path))
      .map((f) => ({
        path: f.path,
        ndjson: isNdjson(f.path),
        text: async () => new TextDecoder().decode(f.bytes),
        lines: () => linesOf(Readable.from([Buffer.from(f.bytes)]), /\.gz$/i.test(f.path)),
      })),
  };
}

/** A folder or a .zip on disk (the CLI). */
export async function readPath(path: string): Promise<TExportSource> {
  const s = await stat(path);
  if (s.isDirectory()) return readFolder(path);
  return readZipFile(path);
}
