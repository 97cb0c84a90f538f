import { readChunk } from "@/db/queries/contact-imports";
import { csvRecords, type TCsvRecord } from "./csv-records";

type TStored = { id: string; workspaceId: string; chunkCount: number; delimiter: string };

/** The stored file, one ~1 MB piece at a time, so a 100 MB import never sits in memory whole. */
export async function* storedPieces(imp: TStored): AsyncGenerator<Uint8Array> {
  for (let seq = 0; seq < imp.chunkCount; seq++) {
    const piece = await readChunk(imp.workspaceId, imp.id, seq);
    if (!piece) throw new Error(`Import ${imp.id} lost piece ${seq} of its file`);
    yield piece;
  }
}

export function storedRecords(imp: TStored): AsyncGenerator<TCsvRecord> {
  return csvRecords(storedPieces(imp), imp.delimiter);
}

/** A row of only empty cells (spreadsheets export trailing `,,,` lines) is skipped, not an error. */
export const isBlankRow = (values: string[]) => values.every((v) => v.trim() === "");

/** The header and the first `n` data rows; reads only as much of the file as that takes. */
export async function firstRecords(records: AsyncGenerator<TCsvRecord>, n: number) {
  let header: string[] | null = null;
  const rows: TCsvRecord[] = [];
  for await (const rec of records) {
    if (!header) header = rec.values;
    else if (!isBlankRow(rec.values)) rows.push(rec);
    if (rows.length >= n) break;
  }
  await records.return(undefined);
  return { header: header ?? [], rows };
}
