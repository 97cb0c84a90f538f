import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { BAD_CELLS, CONTACT_HEADER, contactsCsv } from "../lib/imports/testing/contacts-csv";
import { hydrated, sql, storageStateFor } from "./helpers";

const shot = (name: string) => ({ path: `e2e/.artifacts/screenshots/${name}.png`, fullPage: true });

// 10,000 rows, 25 of them bad in different ways, spread through the file (row 5 shows in the preview).
const KINDS = Object.keys(BAD_CELLS) as (keyof typeof BAD_CELLS)[];
const BAD: Record<number, keyof typeof BAD_CELLS> = Object.fromEntries(
  Array.from({ length: 25 }, (_, k) => [5 + k * 397, KINDS[k % KINDS.length]!]),
);
const BAD_ROWS = Object.keys(BAD)
  .map(Number)
  .sort((a, b) => a - b);
const PREFIX = "e2e-imp";

test.describe.configure({ mode: "serial" });
let importId = "";

test.describe("as a marketer", () => {
  test.use({ storageState: storageStateFor("marketer"), viewport: { width: 1440, height: 900 } });

  test("a 10,000-row CSV with bad rows imports with progress and an exact error report", async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    await page.goto("/w/demo/contacts/imports");
    await page.getByRole("link", { name: "Import CSV" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Import contacts" })).toBeVisible();
    await hydrated(page.getByLabel("CSV file"));
    await page.getByLabel("CSV file").setInputFiles({
      name: "crm-export.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(contactsCsv(10_000, BAD, PREFIX)),
    });
    await page.getByRole("button", { name: "Upload and map columns" }).click();
    await expect(page).toHaveURL(/\/w\/demo\/contacts\/imports\/[0-9a-f-]{36}$/);
    importId = page.url().split("/").at(-1)!;

    // The suggested mapping, corrected where a person would: first_name is kept as an attribute.
    await expect(page.getByLabel("Import “user_id” as")).toHaveValue("userId");
    await expect(page.getByLabel("Import “email” as")).toHaveValue("field:email");
    await expect(page.getByLabel("Import “email_opt_out” as")).toHaveValue("channel:opt_out");
    await expect(page.getByLabel("Channel for “email_opt_out”")).toHaveValue("email");
    await expect(page.getByLabel("Type of “seats”")).toHaveValue("number");
    await page.getByLabel("Attribute name for “first_name”").fill("givenName");
    await expect(page.getByRole("columnheader", { name: /givenName \(text\)/ })).toBeVisible();
    await expect(page.getByTestId("preview-row-5").locator("[data-invalid]")).toContainText(
      "must be a valid email address",
    );
    await expect(page.getByTestId("preview-summary")).toContainText(
      "1 of the first 20 rows have problems",
    );
    await page.screenshot(shot("import-mapping"));

    await page.getByRole("button", { name: "Start import" }).click();
    const bar = page.getByRole("progressbar", { name: "Import progress" });
    await expect(bar).toBeVisible();
    // Polled every second: the whole file is checked first, then rows are imported in batches.
    await expect(page.getByText("Step 2 of 2: importing")).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId("import-progress-text")).toContainText(
      /of 10,000 rows imported or skipped/,
    );
    // For the screenshot, a bar part-way along (on a fast database the import may finish first).
    const done = page.getByRole("heading", { name: "Import complete" });
    const moving = async () =>
      (await done.isVisible()) ||
      Number((await bar.getAttribute("aria-valuenow", { timeout: 500 }).catch(() => null)) ?? 100) >
        0;
    await expect.poll(moving, { timeout: 60_000 }).toBe(true);
    await page.screenshot(shot("import-progress"));

    await expect(page.getByRole("heading", { name: "Import complete" })).toBeVisible({
      timeout: 150_000,
    });
    await expect(page.getByTestId("import-total")).toHaveText("10,000");
    await expect(page.getByTestId("import-imported")).toHaveText("9,975");
    await expect(page.getByTestId("import-failed")).toHaveText("25");
    await page.screenshot(shot("import-summary"));

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download error report" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("crm-export-errors.csv");
    const [header, ...lines] = parse(await readFile((await download.path())!), {
      bom: true,
    }) as string[][];
    expect(header).toEqual(["error_row", "error_columns", "error_message", ...CONTACT_HEADER]);
    expect(lines.map((l) => Number(l[0]))).toEqual(BAD_ROWS);
    for (const l of lines) {
      const bad = BAD_CELLS[BAD[Number(l[0])]!];
      expect(l.slice(1, 3)).toEqual([CONTACT_HEADER[bad.column], bad.message]);
      expect(l[3 + bad.column]).toBe(bad.value);
      if (bad.column !== 0) expect(l[3]).toBe(`${PREFIX}-${Number(l[0]) - 1}`);
    }

    const [db] = await sql<{
      status: string;
      imported: number;
      failed: number;
      contacts: number;
      events: number;
      errors: number;
      chunks: number;
    }>(
      request,
      `select i.status::text, i.imported_rows as imported, i.failed_rows as failed,
        (select count(*)::int from contacts c where c.workspace_id = i.workspace_id and c.external_id like $2) as contacts,
        (select count(*)::int from events e where e.workspace_id = i.workspace_id and e.message_id like $3) as events,
        (select count(*)::int from contact_import_errors x where x.import_id = i.id) as errors,
        (select count(*)::int from contact_import_chunks x where x.import_id = i.id) as chunks
       from contact_imports i where i.id = $1`,
      [importId, `${PREFIX}-%`, `import:${importId}:%`],
    );
    expect(db).toEqual({
      status: "completed",
      imported: 9975,
      failed: 25,
      contacts: 9975,
      events: 9975,
      errors: 25,
      chunks: 0,
    });
    const [c] = await sql(
      request,
      "select email, phone, attributes->'givenName' as name, attributes->'seats' as seats, attributes->'vip' as vip from contacts where external_id = $1",
      [`${PREFIX}-3`],
    );
    expect(c).toEqual({
      email: "person3@example.com",
      phone: "+14155550003",
      name: "Name 3",
      seats: 3,
      vip: true,
    });
    const [sub] = await sql(
      request,
      "select s.status::text, s.source::text from channel_subscriptions s join contacts c on c.id = s.contact_id where c.external_id = $1 and s.channel = 'email'",
      [`${PREFIX}-3`],
    );
    expect(sub).toEqual({ status: "unsubscribed", source: "import" });

    await page.goto("/w/demo/contacts/imports");
    await expect(page.getByTestId(`import-${importId}`)).toContainText("Completed");
    await page.screenshot(shot("import-history"));
  });

  test("a file broken in its first rows is refused at upload with the line", async ({ page }) => {
    await page.goto("/w/demo/contacts/imports/new");
    await hydrated(page.getByLabel("CSV file"));
    await page.getByLabel("CSV file").setInputFiles({
      name: "broken.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        'user_id,email\nu-1,a@example.com\nu-2,"b@example.com\nu-3,c@example.com\n',
      ),
    });
    await page.getByRole("button", { name: "Upload and map columns" }).click();
    // The test before leaves 9,975 new contacts for the segment and trigger sweeps; on embedded
    // PGlite's one connection the upload's statements queue behind them for a while.
    await expect(page.locator("form [role=alert]")).toHaveText(
      "Line 3: a quoted field starts in this row and is never closed.",
      { timeout: 60_000 },
    );
    await expect(page).toHaveURL(/\/imports\/new$/);
  });
});

test.describe("as an analyst", () => {
  test.use({ storageState: storageStateFor("analyst") });

  test("sees imports and downloads reports, but no control that changes anything", async ({
    page,
  }) => {
    expect(importId, "runs after the marketer's import").not.toBe("");
    for (const path of [
      "contacts/imports",
      "contacts/imports/new",
      `contacts/imports/${importId}`,
    ]) {
      await page.goto(`/w/demo/${path}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator("[data-mutates]"), path).toHaveCount(0);
    }
    await expect(page.getByTestId("import-failed")).toHaveText("25");
    const report = await page.request.get(`/api/w/demo/contacts/imports/${importId}/errors.csv`);
    expect(report.status()).toBe(200);
    expect((await report.text()).trim().split("\n")).toHaveLength(26);
  });
});
