import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { contactImports } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { AppError } from "@/lib/errors";
import { createImport } from "./create-import";
import { findImportOrThrow } from "./find-import-or-throw";
import { MAX_ATTEMPTS } from "./limits";
import { previewImport } from "./preview-import";
import { startImport } from "./start-import";
import { runNextImport } from "./run-next-import";
import { CONTACT_MAPPING, contactsCsv } from "./testing/contacts-csv";

let close: () => Promise<void>;
let t: Awaited<ReturnType<typeof makeTenant>>;
beforeAll(async () => {
  ({ close } = await useTestDb());
  t = await makeTenant("Uploads");
});
afterAll(() => close());

/** Runs the contact-import job's step until no import is free; the imports it ran. */
async function runQueuedImports() {
  const ran: string[] = [];
  for (let id = await runNextImport(); id; id = await runNextImport()) ran.push(id);
  return ran;
}

const upload = (file: string | Buffer, name = "contacts.csv") =>
  createImport(t.workspace.id, t.user.id, { name, bytes: Buffer.from(file) });
async function refusal(file: string | Buffer, name?: string) {
  const err = await upload(file, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).fields?.file;
}

describe("uploading a file", () => {
  it("stores it without its BOM, detects the delimiter, and answers the header, first rows and a suggested mapping", async () => {
    const created = await upload(
      "\uFEFFuser_id;Email;Plan\nu-1;a@example.com;pro\n\nu-2;b@example.com;free\n",
      "crm.csv",
    );
    expect(created.import).toMatchObject({
      status: "uploaded",
      delimiter: ";",
      header: ["user_id", "Email", "Plan"],
      totalRows: 2,
      chunkCount: 1,
      fileName: "crm.csv",
    });
    expect(created.rows).toEqual([
      { row: 2, values: ["u-1", "a@example.com", "pro"] },
      { row: 3, values: ["u-2", "b@example.com", "free"] },
    ]);
    expect(created.suggestedMapping.columns).toEqual([
      { kind: "userId" },
      { kind: "field", field: "email" },
      { kind: "attribute", name: "plan", type: "text" },
    ]);
    const tsv = await upload("id\tcity\n1\tParis\n", "export.tsv");
    expect(tsv.import.delimiter).toBe("\t");
  });

  it("refuses what is not a CSV with rows, saying why", async () => {
    expect(await refusal("", "empty.csv")).toBe("The file is empty.");
    expect(await refusal("\uFEFF  \n\n")).toBe("The file is empty.");
    expect(await refusal("a,b\n1,2\n", "contacts.xlsx")).toBe(
      "Upload a CSV file (.csv, .tsv or .txt).",
    );
    expect(await refusal(Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000"))).toBe(
      "This is a zip file (an .xlsx workbook?). Export it as CSV first.",
    );
    expect(await refusal("user_id,email\n")).toBe("The file has a header row but no data rows.");
    expect(await refusal(",,\n1,2,3\n")).toBe("The first row must name the columns.");
    expect(await refusal('user_id,email\nu-1,"a@example.com\n')).toBe(
      "Line 2: a quoted field starts in this row and is never closed.",
    );
    expect(
      await refusal(
        Buffer.concat([
          Buffer.from("user_id,city\nu-1,Z"),
          Buffer.from([0xfc]),
          Buffer.from("rich\n"),
        ]),
      ),
    ).toMatch(/^Line 2: is not valid UTF-8/);
  });
});

describe("mapping and starting", () => {
  it("previews the first rows as they will be stored, flagging bad cells", async () => {
    const { import: imp } = await upload(contactsCsv(30, { 3: "email", 4: "seats" }));
    const rows = await previewImport(imp, CONTACT_MAPPING.columns);
    expect(rows).toHaveLength(20);
    expect(rows[0]).toMatchObject({ row: 2, ok: true });
    expect(rows[0]!.cells.map((c) => c.value)).toEqual([
      "u-1",
      "person1@example.com",
      "+14155550001",
      "US",
      "Name 1",
      "1",
      "2026-01-15",
      "true",
      "a, b",
      "subscribed",
    ]);
    expect(rows[1]).toMatchObject({ row: 3, ok: false });
    expect(rows[1]!.cells[1]).toEqual({
      raw: "not-an-email",
      value: "not-an-email",
      error: "must be a valid email address",
    });
    expect(rows[2]!.cells[5]).toEqual({
      raw: "lots",
      value: "lots",
      error: "must be a number like 1234.5",
    });
  });

  it("refuses a mapping that does not fit the file, and a second start", async () => {
    const { import: imp } = await upload("user_id,email\nu-1,a@example.com\n");
    const err = await startImport(t.workspace.id, imp.id, { mapping: CONTACT_MAPPING }).catch(
      (e: AppError) => e,
    );
    expect(err).toMatchObject({
      status: 400,
      fields: { "mapping.columns": "must have 2 entries, one per column of the file" },
    });
    const mapping = {
      columns: [{ kind: "userId" as const }, { kind: "field" as const, field: "email" as const }],
    };
    expect(await startImport(t.workspace.id, imp.id, { mapping })).toMatchObject({
      status: "queued",
    });
    await expect(startImport(t.workspace.id, imp.id, { mapping })).rejects.toMatchObject({
      status: 409,
    });
    const other = await makeTenant("Elsewhere");
    await expect(startImport(other.workspace.id, imp.id, { mapping })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("is run by the contact-import job's step once started, and then no longer claimable", async () => {
    const { import: imp } = await upload(contactsCsv(40, { 7: "date" }));
    await startImport(t.workspace.id, imp.id, { mapping: CONTACT_MAPPING });
    expect(await runQueuedImports()).toContain(imp.id);
    expect(await findImportOrThrow(t.workspace.id, imp.id)).toMatchObject({
      status: "completed",
      importedRows: 39,
      failedRows: 1,
      leaseOwner: null,
    });
    expect(await runNextImport()).toBeNull();
  });

  it("gives up on an import that keeps failing, saying why", async () => {
    const { import: imp } = await upload(contactsCsv(5));
    await startImport(t.workspace.id, imp.id, { mapping: CONTACT_MAPPING });
    await db()
      .update(contactImports)
      .set({ attempts: MAX_ATTEMPTS, lastError: "disk full" })
      .where(eq(contactImports.id, imp.id));
    expect(await runQueuedImports()).toEqual([imp.id]);
    expect(await findImportOrThrow(t.workspace.id, imp.id)).toMatchObject({
      status: "failed",
      failureReason: "Stopped after 5 failed attempts (disk full). Nothing was imported.",
    });
  });
});
