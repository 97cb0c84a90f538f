import { Readable, pipeline } from "node:stream";
import { CsvError, parse, type InfoRecord, type Options } from "csv-parse";
import { countNewlines, firstInvalidUtf8 } from "./file-bytes";
import { MAX_RECORD_CHARS } from "./limits";

/** A defect that makes the whole file unreadable from some line on: the import stops before writing anything. */
export class CsvStructureError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`Line ${line}: ${reason}`);
  }
}

/** `row` counts records as a spreadsheet does (the header is row 1); blank lines are skipped. */
export type TCsvRecord = { row: number; values: string[] };

async function* decode(pieces: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let lines = 0;
  for await (const piece of pieces) {
    const bad = firstInvalidUtf8(piece);
    if (bad !== -1)
      throw new CsvStructureError(
        lines + countNewlines(piece, bad) + 1,
        "is not valid UTF-8 text. Save the file as “CSV UTF-8” and upload it again.",
      );
    lines += countNewlines(piece);
    yield Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString("utf8");
  }
}

function structureError(err: unknown, lastLine: number): unknown {
  if (err instanceof CsvStructureError || !(err instanceof CsvError)) return err;
  const line = (err as CsvError & { lines?: number }).lines ?? lastLine + 1;
  switch (err.code) {
    case "CSV_QUOTE_NOT_CLOSED":
    case "CSV_MAX_RECORD_SIZE":
      // The parser notices at the end of the file; the row that opened the quote is the one after the last good row.
      return new CsvStructureError(
        lastLine + 1,
        "a quoted field starts in this row and is never closed.",
      );
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH": {
      const [, expected, got] = /expect (\d+), got (\d+)/.exec(err.message) ?? [];
      return new CsvStructureError(
        line,
        `has ${got ?? "a different number of"} columns where the header has ${expected ?? "another number"}.`,
      );
    }
    case "CSV_INVALID_CLOSING_QUOTE":
    case "INVALID_OPENING_QUOTE":
      return new CsvStructureError(
        line,
        'has a quote inside a field that is not quoted. Quote the whole field and double the quotes inside it ("say ""hi""").',
      );
    default:
      return new CsvStructureError(line, err.message);
  }
}

/**
 * Parses a CSV file arriving in pieces (the stored chunks) into records, header included. Invalid
 * UTF-8, an unclosed quote or a row with the wrong number of columns throws a CsvStructureError
 * naming the line.
 */
export async function* csvRecords(
  pieces: AsyncIterable<Uint8Array>,
  delimiter: string,
): AsyncGenerator<TCsvRecord> {
  // Tracked as the parser goes, not as records are consumed: a stream that fails drops what it buffered.
  let lastLine = 0;
  const parser = parse({
    delimiter,
    skip_empty_lines: true,
    ltrim: true,
    rtrim: true,
    max_record_size: MAX_RECORD_CHARS,
    // Typed by csv-parse as returning a record of the same shape; it passes any value through.
    on_record: ((record: string[], ctx: InfoRecord): TCsvRecord => {
      lastLine = ctx.lines;
      return { row: ctx.records, values: record };
    }) as unknown as Options["on_record"],
  });
  // pipeline (unlike pipe) carries a decoding error into the parser, where the loop below sees it.
  // One piece read ahead at most: a 100 MB file never sits in memory, and a preview reads only what it shows.
  pipeline(Readable.from(decode(pieces), { highWaterMark: 1 }), parser, () => undefined);
  try {
    for await (const record of parser as AsyncIterable<TCsvRecord>) yield record;
  } catch (err) {
    throw structureError(err, lastLine);
  } finally {
    parser.destroy();
  }
}

/** Convenience for tests and previews: a whole file held in memory as one piece. */
export async function* onePiece(buf: Uint8Array): AsyncGenerator<Uint8Array> {
  yield buf;
}
