import { insertImportWithChunks } from "@/db/queries/contact-imports";
import { ValidationError } from "@/lib/errors";
import { CsvStructureError, csvRecords } from "./csv-records";
import { detectDelimiter } from "./detect-delimiter";
import { countRecords, notCsvReason, splitOnLines, stripBom } from "./file-bytes";
import { CHUNK_BYTES, PREVIEW_ROWS } from "./limits";
import { firstRecords } from "./stored-file";
import { suggestMapping } from "./suggest-mapping";

const CSV_NAME = /\.(csv|tsv|txt)$/i;

async function* pieces(list: Buffer[]) {
  yield* list;
}

/**
 * Stores an uploaded CSV file as a draft import and returns what the mapping step needs: the
 * header, the first rows and a suggested mapping. Refuses, with the reason, anything that is not
 * a CSV with a header and at least one row; the rows themselves are checked when the import runs.
 */
export async function createImport(
  workspaceId: string,
  userId: string,
  file: { name: string; bytes: Buffer },
) {
  const fail = (message: string) => new ValidationError({ file: message });
  if (!CSV_NAME.test(file.name)) throw fail("Upload a CSV file (.csv, .tsv or .txt).");
  const bytes = stripBom(file.bytes);
  if (!bytes.toString("utf8", 0, 4096).trim()) throw fail("The file is empty.");
  const notCsv = notCsvReason(bytes);
  if (notCsv) throw fail(notCsv);

  const delimiter = detectDelimiter(bytes.toString("utf8", 0, 65536));
  const chunks = splitOnLines(bytes, CHUNK_BYTES);
  let preview: Awaited<ReturnType<typeof firstRecords>>;
  try {
    preview = await firstRecords(csvRecords(pieces(chunks), delimiter), PREVIEW_ROWS);
  } catch (err) {
    if (err instanceof CsvStructureError) throw fail(err.message);
    throw err;
  }
  const header = preview.header.map((h) => h.trim());
  if (header.every((h) => !h)) throw fail("The first row must name the columns.");
  if (!preview.rows.length) throw fail("The file has a header row but no data rows.");

  const imp = await insertImportWithChunks(
    {
      workspaceId,
      createdBy: userId,
      fileName: file.name.slice(0, 255),
      fileBytes: bytes.length,
      delimiter,
      header,
      totalRows: Math.max(countRecords(bytes) - 1, preview.rows.length),
    },
    chunks,
  );
  return {
    import: imp,
    header,
    rows: preview.rows,
    suggestedMapping: {
      columns: suggestMapping(
        header,
        preview.rows.map((r) => r.values),
      ),
    },
  };
}
