import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callRoute } from "@/app/api/v1/v1-test-client";
import { POST as ingestCall } from "@/app/api/v1/[call]/route";
import { GET as csvRoute } from "@/app/api/w/[workspace]/analytics/[dataset]/route";
import { executeRows } from "@/db/execute-rows";
import { pinpointHistoryByDay } from "@/db/queries/pinpoint-history";
import { findEventImport } from "@/db/queries/pinpoint-event-imports";
import { insertUser } from "@/db/queries/users";
import { insertMembership } from "@/db/queries/workspaces";
import { setWorkspaceZone } from "@/db/testing/analytics-fixtures";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { createEventImport } from "@/lib/pinpoint/events/create-event-import";
import { runNextEventImport } from "@/lib/pinpoint/events/run-next-event-import";
import { datasetCsv } from "./csv-datasets";
import { parseDashboardParamsOrThrow } from "./dashboard-params";
import { loadImportedHistory, loadSentByChannelWithImported } from "./imported-history";
import { refreshRollups } from "./refresh-rollups";

// The overview's imported Pinpoint history: engagement events from the event-stream import,
// counted per day (in the workspace's zone), stage and channel; Waymark's own events of the same
// names, another workspace's and a second import of the same file are not counted.

const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string },
}));
vi.mock("@/app/_server/auth", () => ({ currentUser: async () => session.user }));

const ZONE = "America/New_York";
const NOW = new Date("2026-03-20T15:00:00Z");
let close: () => Promise<void>;
let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;
let fileA: Buffer;
let analyst: { id: string; email: string; name: string };

let seq = 0;
const record = (type: string, at: string, endpoint: string) =>
  JSON.stringify({
    event_type: type,
    event_timestamp: Date.parse(at),
    event_version: "3.1",
    event_id: `ev-${++seq}`,
    client: { client_id: endpoint },
    attributes: { campaign_id: "c-1" },
  });

async function importFile(workspaceId: string, bytes: Uint8Array) {
  const imp = await createEventImport(workspaceId, null, { name: "events.ndjson", bytes });
  for (let step = 0; step < 20; step++) {
    const r = await runNextEventImport({ onlyId: imp.id });
    if (!r || r.outcome === "completed" || r.outcome === "failed") break;
  }
  return (await findEventImport(workspaceId, imp.id))!;
}

beforeAll(async () => {
  ({ close } = await useTestDb());
  a = await makeTenant("History A");
  b = await makeTenant("History B");
  await setWorkspaceZone(a.workspace.id, ZONE);
  analyst = await insertUser({ email: "ana-h@example.com", name: "Ana", passwordHash: "x" });
  await insertMembership({ workspaceId: a.workspace.id, userId: analyst.id, role: "analyst" });
  fileA = Buffer.from(
    [
      // 1 March in New York.
      record("_email.send", "2026-03-01T15:00:00Z", "ep-ann"),
      record("_email.send", "2026-03-01T15:00:00Z", "ep-bob"),
      record("_email.delivered", "2026-03-01T15:01:00Z", "ep-ann"),
      record("_email.open", "2026-03-01T16:00:00Z", "ep-ann"),
      record("_email.open", "2026-03-01T18:00:00Z", "ep-ann"),
      record("_email.click", "2026-03-01T18:01:00Z", "ep-ann"),
      record("_email.hardbounce", "2026-03-01T15:02:00Z", "ep-bob"),
      record("_SMS.BUFFERED", "2026-03-01T15:00:00Z", "ep-cy"),
      record("_SMS.SUCCESS", "2026-03-01T15:00:05Z", "ep-cy"),
      // 2 March in UTC, still 1 March (22:30) in New York.
      record("_email.send", "2026-03-02T03:30:00Z", "ep-dee"),
      // 2 March in New York.
      record("_email.unsubscribe", "2026-03-02T14:00:00Z", "ep-ann"),
      record("_SMS.OPTOUT", "2026-03-02T14:00:00Z", "ep-cy"),
      record("_SMS.RECEIVED", "2026-03-02T14:00:00Z", "ep-cy"),
      record("_campaign.received_foreground", "2026-03-02T14:00:00Z", "ep-eve"),
      record("_campaign.opened_notification", "2026-03-02T14:01:00Z", "ep-eve"),
      // Kept under their Pinpoint names, no stage: not counted.
      record("_campaign.send", "2026-03-02T13:59:00Z", "ep-eve"),
      record("_email.complaint", "2026-03-02T15:00:00Z", "ep-bob"),
      record("Order Completed", "2026-03-02T15:00:00Z", "ep-ann"),
    ].join("\n"),
  );
  expect(await importFile(a.workspace.id, fileA)).toMatchObject({
    status: "completed",
    imported: 18,
  });
  // Another workspace's history on the same day.
  const fileB = Array.from({ length: 5 }, (_, i) =>
    record("_email.send", "2026-03-01T15:00:00Z", `ep-b${i}`),
  ).join("\n");
  await importFile(b.workspace.id, Buffer.from(fileB));
  // Waymark's own message events, as contact events of the same names (no pinpointEventType).
  for (const event of ["Email Sent", "Email Opened", "SMS Sent"])
    expect(
      (
        await callRoute(
          ingestCall,
          { call: "track" },
          {
            key: a.key,
            body: { userId: "u-own", event, timestamp: "2026-03-01T17:00:00Z", properties: {} },
          },
        )
      ).status,
    ).toBe(200);
}, 180_000);
afterAll(() => close());

const view = (q: Record<string, string> = {}) =>
  parseDashboardParamsOrThrow(
    { range: "custom", from: "2026-02-28", to: "2026-03-03", ...q },
    ZONE,
    NOW,
  );
const nonZero = (r: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(r).filter(([k, v]) => k === "day" || v !== 0));

const expectedDaily = [
  { day: "2026-02-28" },
  { day: "2026-03-01", sent: 4, delivered: 2, opened: 2, clicked: 1, bounced: 1 },
  { day: "2026-03-02", delivered: 1, opened: 1, unsubscribed: 2, replied: 1 },
  { day: "2026-03-03" },
];

describe("the overview's imported Pinpoint history", () => {
  it("counts imported engagement per day in the workspace's zone, stage and channel; nothing else", async () => {
    const h = await loadImportedHistory(a.workspace.id, view());
    expect(h.span).toEqual({ first: "2026-03-01", last: "2026-03-02" });
    expect(h.journeyFiltered).toBe(false);
    expect(h.daily.map(nonZero)).toEqual(expectedDaily);
    expect(
      (await pinpointHistoryByDay(a.workspace.id, { from: "2026-03-01", to: "2026-03-02" })).map(
        nonZero,
      ),
    ).toEqual([
      {
        day: "2026-03-01",
        channel: "email",
        sent: 3,
        delivered: 1,
        opened: 2,
        clicked: 1,
        bounced: 1,
      },
      { day: "2026-03-01", channel: "sms", sent: 1, delivered: 1 },
      { day: "2026-03-02", channel: "email", unsubscribed: 1 },
      { day: "2026-03-02", channel: "push", delivered: 1, opened: 1 },
      { day: "2026-03-02", channel: "sms", unsubscribed: 1, replied: 1 },
    ]);
    // The channel filter applies; another workspace's history is its own.
    const email = await loadImportedHistory(a.workspace.id, view({ channel: "email" }));
    expect(email.daily.map((d) => d.sent)).toEqual([0, 3, 0, 0]);
    const other = await loadImportedHistory(b.workspace.id, view());
    expect(other.daily.map((d) => d.sent)).toEqual([0, 5, 0, 0]);
  });

  it("imported events belong to no journey: a journey filter shows none", async () => {
    const h = await loadImportedHistory(
      a.workspace.id,
      view({ journey: "00000000-0000-4000-8000-000000000001" }),
    );
    expect(h.journeyFiltered).toBe(true);
    expect(h.daily.every((d) => d.sent === 0 && d.opened === 0)).toBe(true);
  });

  it("sends by channel: imported sends are bands of their own beside Waymark's", async () => {
    const s = await loadSentByChannelWithImported(a.workspace.id, view());
    expect(s.imported).toEqual(["email", "sms"]);
    expect(s.rows.find((r) => r.day === "2026-03-01")).toMatchObject({
      imported_email: 3,
      imported_sms: 1,
    });
    const csv = parse(await datasetCsv("sent-by-channel-daily", a.workspace.id, view()), {
      columns: true,
    }) as Record<string, string>[];
    expect(csv[1]).toMatchObject({
      Day: "2026-03-01",
      "Sent (email, imported from Pinpoint)": "3",
      "Sent (sms, imported from Pinpoint)": "1",
    });
  });

  it("importing the same file again, and the full rebuild, count nothing twice", async () => {
    const again = await importFile(a.workspace.id, fileA);
    expect(again).toMatchObject({ status: "completed", imported: 0, duplicates: 18 });
    expect((await loadImportedHistory(a.workspace.id, view())).daily.map(nonZero)).toEqual(
      expectedDaily,
    );
    const all = sql`select * from pinpoint_history_daily order by workspace_id, day, channel`;
    const before = await executeRows(all);
    await refreshRollups({ full: true, now: NOW });
    expect(await executeRows(all)).toEqual(before);
  });

  it("the CSV route: the chart's figures to an analyst, nothing to another workspace's members", async () => {
    const get = (slug: string) =>
      csvRoute(
        new NextRequest(
          `http://127.0.0.1/api/w/${slug}/analytics/pinpoint-history-daily.csv?range=custom&from=2026-02-28&to=2026-03-03`,
        ),
        { params: Promise.resolve({ workspace: slug, dataset: "pinpoint-history-daily.csv" }) },
      );
    session.user = analyst;
    const res = await get(a.workspace.slug);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      "Day",
      "Sent",
      "Delivered",
      "Opened",
      "Clicked",
      "Bounced",
      "Failed",
      "Opted out",
      "Replied",
    ]);
    expect(rows.map((r) => [r.Day, r.Sent, r.Opened, r.Replied])).toEqual([
      ["2026-02-28", "0", "0", "0"],
      ["2026-03-01", "4", "2", "0"],
      ["2026-03-02", "0", "1", "1"],
      ["2026-03-03", "0", "0", "0"],
    ]);
    // The analyst is no member of B.
    expect((await get(b.workspace.slug)).status).toBe(404);
    session.user = null;
    expect((await get(a.workspace.slug)).status).toBe(401);
  });
});
