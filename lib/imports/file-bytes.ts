import { isUtf8 } from "node:buffer";

const BOM = [0xef, 0xbb, 0xbf];
const NL = 0x0a;

/** The file without its UTF-8 byte-order mark (Excel writes one), which would otherwise stick to the first header. */
export function stripBom(buf: Buffer): Buffer {
  return buf.length >= 3 && BOM.every((b, i) => buf[i] === b) ? buf.subarray(3) : buf;
}

/** Why a file is certainly not a CSV (a spreadsheet, a PDF, an image), or null. */
export function notCsvReason(buf: Buffer): string | null {
  const head = buf.subarray(0, 8192);
  if (head[0] === 0x50 && head[1] === 0x4b)
    return "This is a zip file (an .xlsx workbook?). Export it as CSV first.";
  if (head.subarray(0, 4).toString("latin1") === "%PDF") return "This is a PDF, not a CSV file.";
  if (head[0] === 0xd0 && head[1] === 0xcf)
    return "This is an old Excel (.xls) file. Export it as CSV first.";
  if (head.includes(0)) return "This is a binary file, not a CSV text file.";
  return null;
}

/** Splits the file into pieces of about `size` bytes that each end on a line break (so none splits a UTF-8 character). */
export function splitOnLines(buf: Buffer, size: number): Buffer[] {
  const pieces: Buffer[] = [];
  let start = 0;
  while (start < buf.length) {
    let end = Math.min(start + size, buf.length);
    if (end < buf.length) {
      const nl = buf.indexOf(NL, end - 1);
      end = nl === -1 ? buf.length : nl + 1;
    }
    pieces.push(buf.subarray(start, end));
    start = end;
  }
  return pieces;
}

/** Line breaks outside quotes: a close estimate of the row count, for progress before the file has been checked. */
export function countRecords(buf: Buffer): number {
  let quoted = false;
  let records = 0;
  let content = false;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b === 0x22) quoted = !quoted;
    if (b === NL && !quoted) {
      if (content) records++;
      content = false;
    } else if (b !== 0x0d) content = true;
  }
  return records + (content ? 1 : 0);
}

/** Byte offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  if (isUtf8(buf)) return -1;
  for (let i = 0; i < buf.length;) {
    const b = buf[i]!;
    const len =
      b < 0x80
        ? 1
        : b >= 0xc2 && b <= 0xdf
          ? 2
          : b >= 0xe0 && b <= 0xef
            ? 3
            : b >= 0xf0 && b <= 0xf4
              ? 4
              : 0;
    if (len === 0 || i + len > buf.length || !isUtf8(buf.subarray(i, i + len))) return i;
    i += len;
  }
  return -1;
}

export function countNewlines(buf: Uint8Array, end = buf.length): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (buf[i] === NL) n++;
  return n;
}
