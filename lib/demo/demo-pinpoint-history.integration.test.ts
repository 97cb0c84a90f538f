import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { parseDashboardParamsOrThrow } from "@/lib/analytics/dashboard-params";
import { loadImportedHistory } from "@/lib/analytics/imported-history";
import { ingest } from "@/lib/ingest/ingest";
import { demoContactOperations } from "./demo-contacts";
import { demoPinpointEventLines, seedDemoPinpointHistory } from "./demo-pinpoint-history";

let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await useTestDb());
});
afterAll(() => close());

describe("the demo's imported Pinpoint history", () => {
  it("imports every line of its event-stream file once, onto the demo's shoppers, and the overview shows it", async () => {
    const now = new Date();
    const { workspace } = await makeTenant("Demo Pinpoint history");
    await ingest(workspace.id, demoContactOperations(now));
    const contactsBefore = await count(workspace.id, "contacts");

    await seedDemoPinpointHistory(workspace.id, now);
    await seedDemoPinpointHistory(workspace.id, now);

    const lines = demoPinpointEventLines(now);
    const [imp] = await executeRows<{ status: string; imported: number; refused: number }>(
      sql`select status, imported, refused from pinpoint_event_imports where workspace_id = ${workspace.id}`,
    );
    expect(imp).toEqual({ status: "completed", imported: lines.length, refused: 0 });
    expect(await count(workspace.id, "pinpoint_event_imports")).toBe(1);
    // The history is the demo's own shoppers', not new contacts.
    expect(await count(workspace.id, "contacts")).toBe(contactsBefore);

    const view = parseDashboardParamsOrThrow({ range: "90d" }, "UTC", now);
    const history = await loadImportedHistory(workspace.id, view);
    const total = (k: "sent" | "delivered" | "opened" | "clicked" | "bounced") =>
      history.daily.reduce((n, d) => n + d[k], 0);
    const typed = (t: string) => lines.filter((l) => JSON.parse(l).event_type === t).length;
    expect(total("sent")).toBe(typed("_email.send") + typed("_SMS.BUFFERED"));
    expect(total("opened")).toBe(typed("_email.open"));
    expect(total("clicked")).toBe(typed("_email.click"));
    expect(total("bounced")).toBe(typed("_email.hardbounce"));
    expect(total("opened")).toBeGreaterThan(0);
    expect(total("bounced")).toBeGreaterThan(0);
    // Part of it falls in the default 30 days, so the card draws lines on first start.
    const recent = await loadImportedHistory(
      workspace.id,
      parseDashboardParamsOrThrow({}, "UTC", now),
    );
    expect(recent.daily.some((d) => d.sent > 0)).toBe(true);
  });
});

async function count(workspaceId: string, table: string) {
  const [row] = await executeRows<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${workspaceId}`,
  );
  return row!.n;
}
