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

/**
 * A CSV of addresses to suppress: an `address` (or `email`/`phone`) column, else the first one;
 * optional `channel` (email when absent; a phone number in an address column means sms) and
 * `reason` (one of the known reasons, `manual` otherwise). Bad rows are reported, not stored.
 */
export async function importSuppressions(workspaceId: string, userId: string, csv: string) {
  let rows: string[][];
  try {
    rows = parse(csv.replace(/^\uFEFF/, ""), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch (err) {
    throw new ValidationError({ csv: `The CSV could not be read: ${(err as Error).message}` });
  }
  const header = rows[0]?.map((h) => h.toLowerCase().replace(/^'/, "")) ?? [];
  const addressCol = header.findIndex((h) => ["address", "email", "phone"].includes(h));
  const channelCol = header.indexOf("channel");
  const reasonCol = header.indexOf("reason");
  const body = addressCol >= 0 ? rows.slice(1) : rows;
  if (body.length > MAX_IMPORT_ROWS)
    throw new ValidationError({
      csv: `At most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows per file`,
    });
  const errors: { row: number; message: string }[] = [];
  let imported = 0;
  await db().transaction(async (tx) => {
    for (const [i, r] of body.entries()) {
      const raw = fromSpreadsheetSafe(r[Math.max(addressCol, 0)] ?? "");
      const channelText =
        (channelCol >= 0 ? r[channelCol] : "")?.toLowerCase() ||
        (raw.includes("@") ? "email" : "sms");
      const rowNumber = i + (addressCol >= 0 ? 2 : 1);
      if (!(SUPPRESSIBLE_CHANNELS as readonly string[]).includes(channelText)) {
        errors.push({ row: rowNumber, message: `unknown channel "${channelText}"` });
        continue;
      }
      const channel = channelText as TSuppressibleChannel;
      const address = normaliseAddress(channel, raw);
      if (!address) {
        errors.push({
          row: rowNumber,
          message: `"${raw}" is not an ${channel === "email" ? "email address" : "phone number"}`,
        });
        continue;
      }
      const reasonText = reasonCol >= 0 ? (r[reasonCol] ?? "").toLowerCase() : "";
      const reason =
        (SUPPRESSION_REASONS as readonly string[]).includes(reasonText) &&
        reasonText !== "soft_bounce"
          ? reasonText
          : "manual";
      await upsertSuppression(
        workspaceId,
        { channel, address, reason, source: "import", createdBy: userId },
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
