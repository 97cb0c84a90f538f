import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit-log";
import { deleteSuppression, listSuppressions, upsertSuppression } from "@/db/queries/suppressions";
import { SUPPRESSION_REASONS } from "@/db/schema";
import { fromSpreadsheetSafe, spreadsheetSafe } from "@/lib/csv/spreadsheet-safe";
import { NotFoundError, ValidationError } from "@/lib/errors";
import {
  normaliseAddress,
  SUPPRESSIBLE_CHANNELS,
  type TSuppressibleChannel,
} from "./normalise-address";

export const ZAddSuppression = z.object({
  channel: z.enum(SUPPRESSIBLE_CHANNELS as [TSuppressibleChannel, ...TSuppressibleChannel[]]),
  address: z.string().trim().min(1, "is required").max(320),
});

export const ZImportSuppressions = z.object({
  csv: z
    .string()
    .min(1, "is required")
    .max(8 * 1024 * 1024),
});

export const MAX_IMPORT_ROWS = 100_000;
export const CSV_COLUMNS = ["address", "channel", "reason", "source", "created_at", "expires_at"];

/** An admin suppresses an address by hand. */
export async function addSuppression(
  workspaceId: string,
  userId: string,
  input: z.infer<typeof ZAddSuppression>,
) {
  const address = normaliseAddress(input.channel, input.address);
  if (!address)
    throw new ValidationError({
      address: input.channel === "email" ? "must be an email address" : "must be a phone number",
    });
  return db().transaction(async (tx) => {
    const row = await upsertSuppression(
      workspaceId,
      {
        channel: input.channel,
        address,
        reason: "manual",
        source: "manual",
        createdBy: userId,
      },
      tx,
    );
    await insertAuditEntry(
      {
        workspaceId,
        actorId: userId,
        action: "suppression.added",
        target: address,
        detail: { channel: input.channel },
      },
      tx,
    );
    return row;
  });
}

/** An admin lifts a suppression: the next send to the address goes through. */
export async function removeSuppression(workspaceId: string, userId: string, id: string) {
  await db().transaction(async (tx) => {
    const row = await deleteSuppression(workspaceId, id, tx);
    if (!row) throw new NotFoundError("No such suppression");
    await insertAuditEntry(
      {
        workspaceId,
        actorId: userId,
        action: "suppression.removed",
        target: row.address,
        detail: { channel: row.channel, reason: row.reason, source: row.source },
      },
      tx,
    );
  });
}

type TCsvRecord = { record: string[]; info: { lines: number } };

/** The line a record starts on: csv-parse counts to its end, past any line breaks in its cells. */
const startLine = ({ record, info }: TCsvRecord) =>
  info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);

/**
 * A CSV of addresses to suppress: an `address` (or `email`/`phone`) column, else the first one;
 * optional `channel` (email when absent; a phone number in an address column means sms),
 * `reason` (one of the known reasons, `manual` otherwise) and `expires_at`. Bad rows are reported
 * by their line in the file (what a spreadsheet shows), not stored.
 */
export async function importSuppressions(workspaceId: string, userId: string, csv: string) {
  let records: TCsvRecord[];
  try {
    // One line ending, so csv-parse's line count is the file's whatever wrote it.
    records = parse(csv.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as TCsvRecord[];
  } catch (err) {
    throw new ValidationError({ csv: `The CSV could not be read: ${(err as Error).message}` });
  }
  const header = records[0]?.record.map((h) => h.toLowerCase().replace(/^'/, "")) ?? [];
  const addressCol = header.findIndex((h) => ["address", "email", "phone"].includes(h));
  const channelCol = header.indexOf("channel");
  const reasonCol = header.indexOf("reason");
  const expiresCol = header.indexOf("expires_at");
  const body = addressCol >= 0 ? records.slice(1) : records;
  if (body.length > MAX_IMPORT_ROWS)
    throw new ValidationError({
      csv: `At most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows per file`,
    });
  const errors: { row: number; message: string }[] = [];
  let imported = 0;
  const now = Date.now();
  await db().transaction(async (tx) => {
    for (const rec of body) {
      const r = rec.record;
      const rowNumber = startLine(rec);
      const raw = fromSpreadsheetSafe(r[Math.max(addressCol, 0)] ?? "");
      const channelText =
        (channelCol >= 0 ? r[channelCol] : "")?.toLowerCase() ||
        (raw.includes("@") ? "email" : "sms");
      if (!(SUPPRESSIBLE_CHANNELS as readonly string[]).includes(channelText)) {
        errors.push({ row: rowNumber, message: `unknown channel "${channelText}"` });
        continue;
      }
      const channel = channelText as TSuppressibleChannel;
      const address = normaliseAddress(channel, raw);
      if (!address) {
        errors.push({
          row: rowNumber,
          message: `"${raw}" is not ${channel === "email" ? "an email address" : "a phone number"}`,
        });
        continue;
      }
      const reasonText = reasonCol >= 0 ? (r[reasonCol] ?? "").toLowerCase() : "";
      // A soft bounce lifts by itself: it keeps its expiry (an export carries it), and one already
      // past it is not suppressed again. Without an expiry it is the admin's own, permanent, entry.
      const expiresText = expiresCol >= 0 ? fromSpreadsheetSafe(r[expiresCol] ?? "") : "";
      const expires = reasonText === "soft_bounce" && expiresText ? Date.parse(expiresText) : null;
      if (expires !== null && Number.isNaN(expires)) {
        errors.push({ row: rowNumber, message: `"${expiresText}" is not a date and time` });
        continue;
      }
      if (expires !== null && expires <= now) {
        errors.push({
          row: rowNumber,
          message: `the soft bounce expired at ${expiresText}: not suppressed`,
        });
        continue;
      }
      const known =
        (SUPPRESSION_REASONS as readonly string[]).includes(reasonText) &&
        reasonText !== "soft_bounce";
      const reason = expires !== null ? "soft_bounce" : known ? reasonText : "manual";
      await upsertSuppression(
        workspaceId,
        {
          channel,
          address,
          reason,
          source: "import",
          createdBy: userId,
          expiresAt: expires === null ? null : new Date(expires),
        },
        tx,
      );
      imported++;
    }
    await insertAuditEntry(
      {
        workspaceId,
        actorId: userId,
        action: "suppression.imported",
        target: "csv",
        detail: { imported, errors: errors.length },
      },
      tx,
    );
  });
  return { imported, errors: errors.slice(0, 100), errorCount: errors.length };
}

/** The whole list as CSV (what the import reads back). Cells cannot run as formulas. */
export async function exportSuppressionsCsv(workspaceId: string): Promise<string> {
  const rows = await listSuppressions(workspaceId, { limit: 1_000_000 });
  return (
    "\uFEFF" +
    stringify([
      CSV_COLUMNS,
      ...rows.map((s) =>
        [
          s.address,
          s.channel,
          s.reason,
          s.source,
          s.createdAt.toISOString(),
          s.expiresAt?.toISOString() ?? "",
        ].map(spreadsheetSafe),
      ),
    ])
  );
}
