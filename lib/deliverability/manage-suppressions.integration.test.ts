import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, suppressions } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { applyFeedback } from "./apply-feedback";
import { updateDeliverabilitySettings } from "./deliverability-settings";
import type { TFeedback } from "./feedback-types";
import { addSuppression, exportSuppressionsCsv, importSuppressions } from "./manage-suppressions";
import { suppressionOf } from "./check-suppression";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

type TTenant = Awaited<ReturnType<typeof makeTenant>>;
const ws = (t: TTenant) => t.workspace.id;
const DAY = 86_400_000;

const feedback = (type: TFeedback["type"], address: string, eventId: string): TFeedback => ({
  source: "ses",
  eventId,
  type,
  channel: "email",
  address,
  occurredAt: new Date(),
});

/** The export as records, without the BOM, keyed by address. */
function readExport(csv: string) {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const [header, ...rows] = parse(csv.slice(1)) as string[][];
  return { header, byAddress: new Map(rows.map((r) => [r[0]!, r])) };
}

describe("suppression CSV export and import", () => {
  let from: TTenant;
  let to: TTenant;
  beforeAll(async () => {
    from = await makeTenant("SuppressFrom");
    to = await makeTenant("SuppressTo");
    await updateDeliverabilitySettings(ws(from), from.user.id, {
      softBounceLimit: 1,
      softBounceWindowDays: 7,
      softBounceSuppressDays: 5,
    });
    await addSuppression(ws(from), from.user.id, { channel: "email", address: "Ops@Example.com" });
    await addSuppression(ws(from), from.user.id, { channel: "sms", address: "+1 415 555 0100" });
    // An address a spreadsheet would run as a formula.
    await addSuppression(ws(from), from.user.id, { channel: "email", address: "=cmd@evil.test" });
    await applyFeedback(ws(from), [
      feedback("hard_bounce", "gone@example.com", "e-1"),
      feedback("complaint", "angry@example.com", "e-2"),
      feedback("soft_bounce", "full@example.com", "e-3"),
    ]);
  });

  it("exports every entry with its reason and expiry, formula-like cells guarded", async () => {
    const { header, byAddress } = readExport(await exportSuppressionsCsv(ws(from)));
    expect(header).toEqual(["address", "channel", "reason", "source", "created_at", "expires_at"]);
    expect([...byAddress.keys()].sort()).toEqual([
      "'+14155550100",
      "'=cmd@evil.test",
      "angry@example.com",
      "full@example.com",
      "gone@example.com",
      "ops@example.com",
    ]);
    expect(byAddress.get("gone@example.com")!.slice(1, 4)).toEqual(["email", "hard_bounce", "ses"]);
    expect(byAddress.get("'+14155550100")!.slice(1, 4)).toEqual(["sms", "manual", "manual"]);
    const soft = byAddress.get("full@example.com")!;
    expect(soft[2]).toBe("soft_bounce");
    expect(Date.parse(soft[5]!) - Date.now()).toBeGreaterThan(4.9 * DAY);
  });

  it("imports its own export into another workspace: the same addresses, reasons and expiries", async () => {
    const csv = await exportSuppressionsCsv(ws(from));
    const result = await importSuppressions(ws(to), to.user.id, csv);
    expect(result).toEqual({ imported: 6, errors: [], errorCount: 0 });

    const a = readExport(csv).byAddress;
    const b = readExport(await exportSuppressionsCsv(ws(to))).byAddress;
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [address, row] of a) {
      const back = b.get(address)!;
      // address, channel, reason and expiry survive; the source says where it came from now.
      expect([back[0], back[1], back[2], back[5]]).toEqual([row[0], row[1], row[2], row[5]]);
      expect(back[3]).toBe("import");
    }
    // The formula guard is read back as the address it guarded, and the entries are in force.
    expect(await suppressionOf(ws(to), "email", "=CMD@evil.test")).toBeTruthy();
    expect(await suppressionOf(ws(to), "sms", "+14155550100")).toBeTruthy();
    const soft = await db()
      .select()
      .from(suppressions)
      .where(eq(suppressions.workspaceId, ws(to)));
    expect(soft.find((s) => s.address === "full@example.com")).toMatchObject({
      reason: "soft_bounce",
      source: "import",
    });
    expect(soft.find((s) => s.address === "full@example.com")!.expiresAt).not.toBeNull();

    const audit = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.workspaceId, ws(to)));
    expect(audit.find((e) => e.action === "suppression.imported")).toMatchObject({
      detail: { imported: 6, errors: 0 },
    });
  });

  it("reports each bad row by its line in the file and stores only the good ones", async () => {
    const t = await makeTenant("SuppressBad");
    const past = new Date(Date.now() - DAY).toISOString();
    const future = new Date(Date.now() + 3 * DAY).toISOString();
    const csv = [
      "Email,Channel,Reason,Expires_At", // 1
      "first@example.com,,hard_bounce,", // 2
      "", // 3: blank lines are skipped, and still counted
      "not-an-address,email,,", // 4
      "+1 415 555 0123,fax,,", // 5
      '"multi', // 6: one cell over two lines
      'line@example.com",,,', // 7
      "12,sms,,", // 8
      `old@example.com,email,soft_bounce,${past}`, // 9
      `later@example.com,email,soft_bounce,${future}`, // 10
      "no-expiry@example.com,email,soft_bounce,", // 11
      "+1 415 555 0199,,complaint,", // 12
    ].join("\r\n");
    const result = await importSuppressions(ws(t), t.user.id, csv);
    expect(result.errors).toEqual([
      { row: 4, message: '"not-an-address" is not an email address' },
      { row: 5, message: 'unknown channel "fax"' },
      { row: 6, message: '"multi\nline@example.com" is not an email address' },
      { row: 8, message: '"12" is not a phone number' },
      { row: 9, message: `the soft bounce expired at ${past}: not suppressed` },
    ]);
    expect(result).toMatchObject({ imported: 4, errorCount: 5 });
    const rows = await db()
      .select()
      .from(suppressions)
      .where(eq(suppressions.workspaceId, ws(t)));
    expect(
      rows.map((r) => [r.channel, r.address, r.reason, r.expiresAt?.toISOString() ?? null]).sort(),
    ).toEqual([
      ["email", "first@example.com", "hard_bounce", null],
      ["email", "later@example.com", "soft_bounce", future],
      // A soft bounce with no expiry is the admin's own decision to suppress.
      ["email", "no-expiry@example.com", "manual", null],
      ["sms", "+14155550199", "complaint", null],
    ]);
  });

  it("numbers rows from 1 when the file has no header", async () => {
    const t = await makeTenant("SuppressNoHeader");
    const result = await importSuppressions(ws(t), t.user.id, "a@example.com\n\nbad\n");
    expect(result).toEqual({
      imported: 1,
      errors: [{ row: 3, message: '"bad" is not a phone number' }],
      errorCount: 1,
    });
  });
});
