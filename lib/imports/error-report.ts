import { stringify } from "csv-stringify/sync";
import { listImportErrors } from "@/db/queries/contact-imports";
import { spreadsheetSafe } from "@/lib/csv/spreadsheet-safe";
import { REPORT_COLUMNS } from "./mapping";

const PAGE = 5000;
// Excel only reads a CSV as UTF-8 when it starts with a byte-order mark; uploads strip it again.
const BOM = "\uFEFF";

/**
 * The error report of an import as a CSV stream: one line per rejected row with its row number,
 * the columns at fault and what is wrong, then the row exactly as it was in the file (under the
 * file's own header), so it can be fixed and imported again (cells that would run as a formula
 * carry a leading apostrophe, which the import removes). Read a page at a time.
 */
export function errorReportStream(
  workspaceId: string,
  importId: string,
  header: string[],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let afterRow = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(
          encoder.encode(BOM + stringify([[...REPORT_COLUMNS, ...header].map(spreadsheetSafe)])),
        );
      }
      const rows = await listImportErrors(workspaceId, importId, afterRow, PAGE);
      if (rows.length) {
        controller.enqueue(
          encoder.encode(
            // Every cell came from the uploaded file: none may run as a formula when opened.
            stringify(
              rows.map((r) => [
                r.rowNumber,
                ...[r.columns.join(", "), r.message, ...r.values].map(spreadsheetSafe),
              ]),
            ),
          ),
        );
        afterRow = rows.at(-1)!.rowNumber;
      }
      if (rows.length < PAGE) controller.close();
    },
  });
}
