import { sql } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { importPinpointExport } from "./import-pinpoint-export";
import { readFiles, readFolder, readZip } from "./read-export";
import type { TImportReport } from "./report";
import { EXPORT_DIR } from "./testing/load-fixture";

let close: () => Promise<void>;
let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  ({ close } = await useTestDb());
  a = await makeTenant("Pinpoint A");
  b = await makeTenant("Pinpoint B");
}, 60_000);
afterAll(() => close());

const count = async (table: string, ws: string) =>
  (
    await executeRows<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${ws}`,
    )
  )[0]!.n;
const counts = async (ws: string) => ({
  contacts: await count("contacts", ws),
  templates: await count("templates", ws),
  segments: await count("segments", ws),
  campaigns: await count("campaigns", ws),
  journeys: await count("journeys", ws),
});
const entry = (r: TImportReport, kind: string, name: string) =>
  r.entries.find((e) => e.kind === kind && e.name === name)!;

/** The fixture export as a zip, its endpoint files gzipped as an export job writes them. */
function fixtureZip(): Uint8Array {
  const files = [
    "journeys.json",
    "segments.json",
    "imported-segment.json",
    "campaigns.json",
    "application-settings.json",
    "templates/welcome-email.json",
    "templates/nudge-sms.json",
    "templates/sale-push.json",
    "templates/reminder-voice.json",
    "templates/banner-inapp.json",
  ];
  const zip: Record<string, Uint8Array> = {};
  for (const f of files) zip[`export/${f}`] = readFileSync(join(EXPORT_DIR, f));
  zip["export/endpoints/part-00000.gz"] = gzipSync(
    readFileSync(join(EXPORT_DIR, "endpoints/part-00000.ndjson")),
  );
  zip["export/endpoints/c0ffee00aa11bb22cc33dd44ee55ff66/part-00000.gz"] = gzipSync(
    readFileSync(join(EXPORT_DIR, "endpoints/c0ffee00aa11bb22cc33dd44ee55ff66/part-00000.ndjson")),
  );
  return zipSync(zip);
}

describe("importPinpointExport", () => {
  let dry: TImportReport;
  let done: TImportReport;

  it("dry-runs: reports every object and writes nothing", async () => {
    dry = await importPinpointExport(a.workspace.id, await readFolder(EXPORT_DIR), {
      dryRun: true,
      userId: a.user.id,
    });
    expect(dry.fileErrors).toEqual([]);
    expect(dry.entries.filter((e) => e.kind !== "endpoints" && e.errors.length)).toEqual([]);
    expect(dry.entries.map((e) => e.kind).sort()).toEqual([
      "campaign",
      "campaign",
      "campaign",
      "endpoints",
      "endpoints",
      "journey",
      "journey",
      "segment",
      "segment",
      "segment",
      "settings",
      "template",
      "template",
      "template",
      "template",
      "template",
    ]);
    expect(entry(dry, "journey", "welcome_series").becomes).toMatch(
      /^draft journey "welcome_series" with \d+ steps$/,
    );
    expect(entry(dry, "journey", "welcome_series").unsupported.map((n) => n.path)).toContain(
      "Activities.callCenter.ContactCenter",
    );
    expect(entry(dry, "campaign", "Cart reminder").unsupported.map((n) => n.path)).toEqual([
      "Hook",
    ]);
    const endpoints = dry.entries.find((e) => e.file === "endpoints/part-00000.ndjson")!;
    expect(endpoints.counts).toEqual({ lines: 8, imported: 6, refused: 1 });
    expect(endpoints.errors).toEqual([
      {
        path: "endpoints/part-00000.ndjson:7",
        message: "Address: must be a valid email address for EMAIL",
      },
    ]);
    expect(dry.entries.every((e) => e.action !== "update" && !e.waymarkId)).toBe(true);
    expect(await counts(a.workspace.id)).toEqual({
      contacts: 0,
      templates: 0,
      segments: 0,
      campaigns: 0,
      journeys: 0,
    });
  });

  it("imports what the dry run promised", async () => {
    done = await importPinpointExport(a.workspace.id, await readFolder(EXPORT_DIR), {
      dryRun: false,
      userId: a.user.id,
    });
    expect(done.entries.filter((e) => e.kind !== "endpoints" && e.errors.length)).toEqual([]);
    expect(done.entries.map((e) => [e.kind, e.name, e.becomes])).toEqual(
      dry.entries.map((e) => [e.kind, e.name, e.becomes]),
    );
    for (const e of done.entries.filter((x) => x.kind !== "endpoints"))
      expect(e.waymarkId).toBeTruthy();
    // One inline campaign message became a template of its own, beside the five.
    expect(await counts(a.workspace.id)).toEqual({
      contacts: 4,
      templates: 7,
      segments: 3,
      campaigns: 3,
      journeys: 2,
    });

    const journeyId = entry(done, "journey", "welcome_series").waymarkId!;
    const [journey] = await executeRows<{
      status: string;
      draft_graph: { nodes: { id: string; type: string; data: Record<string, unknown> }[] };
      draft_settings: Record<string, unknown>;
    }>(sql`select status, draft_graph, draft_settings from journeys where id = ${journeyId}`);
    expect(journey!.status).toBe("draft");
    const send = journey!.draft_graph.nodes.find((n) => n.id === "sendWelcome")!;
    expect(send.data.templateId).toBe(entry(done, "template", "Welcome").waymarkId);
    // The email's TextPart is stored with the version as its plain-text version.
    const [welcome] = await executeRows<{ content: Record<string, unknown> }>(
      sql`select content from template_versions where template_id = ${entry(done, "template", "Welcome").waymarkId}`,
    );
    expect(welcome!.content.plainText).toBe(
      'Hi {{ contact.attributes.FirstName | default: "there" }}, welcome.',
    );
    const trigger = journey!.draft_graph.nodes.find((n) => n.type === "trigger")!;
    expect(trigger.data.segmentId).toBe(entry(done, "segment", "New signups").waymarkId);
    expect(journey!.draft_settings).toMatchObject({
      quietHours: { fallbackTimeZone: "Etc/GMT-7" },
    });

    const [ann] = await executeRows<{
      id: string;
      email: string;
      phone: string;
      timezone: string;
      country: string;
      city: string;
      attributes: Record<string, unknown>;
    }>(
      sql`select * from contacts where workspace_id = ${a.workspace.id} and external_id = 'user-ann'`,
    );
    expect(ann).toMatchObject({
      email: "ann@example.com",
      phone: "+14155550100",
      timezone: "America/Los_Angeles",
      country: "US",
      city: "Seattle",
      attributes: { FirstName: "Ann", Plan: "pro", Interests: ["shoes", "hats"], Visits: 4 },
    });
    expect(await count("push_tokens", a.workspace.id)).toBe(2);
    const subs = await executeRows<{ external_id: string | null; channel: string; status: string }>(
      sql`select c.external_id, s.channel, s.status from channel_subscriptions s join contacts c on c.id = s.contact_id
          where c.workspace_id = ${a.workspace.id} and s.status = 'unsubscribed' order by 1, 2`,
    );
    expect(subs).toEqual([
      { external_id: "user-bob", channel: "all", status: "unsubscribed" },
      { external_id: "user-bob", channel: "email", status: "unsubscribed" },
      { external_id: "user-cat", channel: "sms", status: "unsubscribed" },
    ]);
    const anonymous = await executeRows<{ anonymous_id: string }>(
      sql`select a.anonymous_id from contact_aliases a join contacts c on c.id = a.contact_id where c.workspace_id = ${a.workspace.id} and c.external_id is null`,
    );
    expect(anonymous).toEqual([{ anonymous_id: "ep-anon-gcm" }]);

    const vip = entry(done, "segment", "VIP list");
    const members = await executeRows<{ contact_id: string }>(
      sql`select contact_id from segment_members where segment_id = ${vip.waymarkId}`,
    );
    expect(members).toEqual([{ contact_id: ann!.id }]);

    const sale = entry(done, "campaign", "Spring sale");
    const treatments = await executeRows<{ label: string; percent: number }>(
      sql`select label, percent from campaign_treatments where campaign_id = ${sale.waymarkId} order by label`,
    );
    expect(treatments).toEqual([
      { label: "Control", percent: 50 },
      { label: "Variant B", percent: 50 },
    ]);
    const [campaign] = await executeRows<{
      state: string;
      holdout_percent: number;
      schedule_kind: string;
    }>(
      sql`select state, holdout_percent, schedule_kind from campaigns where id = ${sale.waymarkId}`,
    );
    expect(campaign).toEqual({ state: "draft", holdout_percent: 10, schedule_kind: "recurring" });
    const [defaults] = await executeRows<{ limits: Record<string, unknown> }>(
      sql`select limits from workspace_campaign_defaults where workspace_id = ${a.workspace.id}`,
    );
    expect(defaults!.limits).toMatchObject({
      dailyCapPerContact: 5,
      quietHours: { start: "21:00", end: "08:00" },
    });
  });

  it("re-imports as updates, never duplicates", async () => {
    const before = await counts(a.workspace.id);
    const again = await importPinpointExport(a.workspace.id, await readFolder(EXPORT_DIR), {
      dryRun: false,
      userId: a.user.id,
    });
    expect(again.entries.filter((e) => e.kind !== "endpoints" && e.errors.length)).toEqual([]);
    expect(
      again.entries.filter((e) => e.kind !== "endpoints").every((e) => e.action === "update"),
    ).toBe(true);
    expect(again.entries.map((e) => e.waymarkId)).toEqual(done.entries.map((e) => e.waymarkId));
    expect(await counts(a.workspace.id)).toEqual(before);
    const [v] = await executeRows<{ published_version: number }>(
      sql`select published_version from templates where id = ${entry(again, "template", "Welcome").waymarkId}`,
    );
    expect(v!.published_version).toBe(1);
  });

  it("imports the same export from a zip with gzipped endpoint files", async () => {
    const r = await importPinpointExport(b.workspace.id, await readZip(fixtureZip()), {
      dryRun: false,
      userId: b.user.id,
    });
    expect(r.fileErrors).toEqual([]);
    expect(r.entries.filter((e) => e.kind !== "endpoints" && e.errors.length)).toEqual([]);
    expect(await counts(b.workspace.id)).toEqual({
      contacts: 4,
      templates: 7,
      segments: 3,
      campaigns: 3,
      journeys: 2,
    });
  });

  it("reports bad input per file with the path of the problem, and writes none of it", async () => {
    const c = await makeTenant("Pinpoint C");
    const corrupt = await importPinpointExport(
      c.workspace.id,
      await readZip(new Uint8Array([80, 75, 3, 4, 1, 2, 3])),
      { dryRun: false, userId: c.user.id },
    );
    expect(corrupt.fileErrors).toEqual([
      { path: "(upload)", message: expect.stringMatching(/^the zip cannot be read/) },
    ]);
    const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
    const r = await importPinpointExport(
      c.workspace.id,
      readFiles([
        { path: "broken.json", bytes: new TextEncoder().encode("{ not json") },
        { path: "other.json", bytes: enc({ hello: "world" }) },
        {
          path: "bad-journey.json",
          bytes: enc({
            JourneyResponse: {
              Id: "j1",
              Name: "bad",
              StartActivity: "a",
              StartCondition: { SegmentStartCondition: { SegmentId: "missing-segment" } },
              Activities: { a: { TELEGRAM: {} }, b: { EMAIL: { TemplateName: "Nope" } } },
            },
          }),
        },
        {
          path: "ok.json",
          bytes: enc({
            SMSTemplateResponse: { TemplateName: "Hi", TemplateType: "SMS", Body: "Hello" },
          }),
        },
      ]),
      { dryRun: false, userId: c.user.id },
    );
    expect(r.fileErrors).toEqual([
      { path: "broken.json", message: "is not valid JSON" },
      { path: "other.json", message: expect.stringMatching(/is not a Pinpoint/) },
    ]);
    const bad = r.entries.find((e) => e.kind === "journey")!;
    expect(bad.file).toBe("bad-journey.json#JourneyResponse");
    expect(bad.action).toBe("skip");
    expect(bad.errors.map((e) => e.path)).toEqual([
      "Activities.a.TELEGRAM",
      "Activities.b.EMAIL.TemplateName",
      "StartCondition.SegmentStartCondition.SegmentId",
    ]);
    expect(await counts(c.workspace.id)).toEqual({
      contacts: 0,
      templates: 1,
      segments: 0,
      campaigns: 0,
      journeys: 0,
    });
  });

  it("reports a reference to an object of the export that is not imported, never an id of nothing", async () => {
    const d = await makeTenant("Pinpoint D");
    const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
    const files = () =>
      readFiles([
        {
          // Converts, but an #if left open is not valid Liquid.
          path: "templates/broken-sms.json",
          bytes: enc({
            SMSTemplateResponse: {
              TemplateName: "Broken",
              TemplateType: "SMS",
              Body: "{{#if User.UserAttributes.FirstName}}Hi",
            },
          }),
        },
        {
          // Does not convert: an email with neither part.
          path: "templates/empty-email.json",
          bytes: enc({
            EmailTemplateResponse: { TemplateName: "Empty", TemplateType: "EMAIL", Subject: "Hi" },
          }),
        },
        {
          path: "segments.json",
          bytes: enc({
            SegmentsResponse: {
              Item: [
                // An imported segment whose endpoints are not in the export.
                {
                  Id: "seg-imported",
                  Name: "Imported",
                  SegmentType: "IMPORT",
                  ImportDefinition: {},
                },
                {
                  Id: "seg-derived",
                  Name: "Derived",
                  SegmentType: "DIMENSIONAL",
                  SegmentGroups: { Groups: [{ SourceSegments: [{ Id: "seg-imported" }] }] },
                },
              ],
            },
          }),
        },
        {
          path: "journey.json",
          bytes: enc({
            JourneyResponse: {
              Id: "j-refs",
              Name: "refs",
              StartActivity: "a",
              StartCondition: { SegmentStartCondition: { SegmentId: "seg-imported" } },
              Activities: {
                a: { SMS: { TemplateName: "Broken", NextActivity: "b" } },
                b: { EMAIL: { TemplateName: "Empty" } },
              },
            },
          }),
        },
        {
          path: "campaign.json",
          bytes: enc({
            CampaignResponse: {
              Id: "c-refs",
              Name: "refs",
              SegmentId: "seg-derived",
              TemplateConfiguration: { SMSTemplate: { Name: "Broken" } },
              Schedule: { StartTime: "IMMEDIATE", Frequency: "ONCE" },
            },
          }),
        },
      ]);
    const NOT_IMPORTED = /is in the export but is not imported: see its own errors$/;
    for (const dryRun of [true, false]) {
      const r = await importPinpointExport(d.workspace.id, files(), { dryRun, userId: d.user.id });
      expect(r.fileErrors).toEqual([]);
      const errorsOf = (kind: string, name: string) => {
        const e = entry(r, kind, name);
        expect(e.action).toBe("skip");
        return e.errors;
      };
      expect(errorsOf("template", "Broken")[0]!.message).toMatch(
        /does not convert to valid Liquid/,
      );
      expect(errorsOf("template", "Empty").map((n) => n.path)).toEqual(["HtmlPart"]);
      expect(errorsOf("segment", "Imported").map((n) => n.path)).toEqual(["ImportDefinition"]);
      expect(errorsOf("segment", "Derived")).toEqual([
        {
          path: "SegmentGroups.Groups[0].SourceSegments[0].Id",
          message: expect.stringMatching(NOT_IMPORTED),
        },
      ]);
      const journey = entry(r, "journey", "refs");
      expect(journey.file).toBe("journey.json#JourneyResponse");
      expect(errorsOf("journey", "refs")).toEqual([
        { path: "Activities.a.SMS.TemplateName", message: expect.stringMatching(NOT_IMPORTED) },
        { path: "Activities.b.EMAIL.TemplateName", message: expect.stringMatching(NOT_IMPORTED) },
        {
          path: "StartCondition.SegmentStartCondition.SegmentId",
          message: expect.stringMatching(NOT_IMPORTED),
        },
      ]);
      expect(errorsOf("campaign", "refs")).toEqual([
        { path: "SegmentId", message: expect.stringMatching(NOT_IMPORTED) },
        { path: "TemplateConfiguration", message: expect.stringMatching(NOT_IMPORTED) },
      ]);
      expect(r.entries.every((e) => !e.waymarkId)).toBe(true);
      expect(await counts(d.workspace.id)).toEqual({
        contacts: 0,
        templates: 0,
        segments: 0,
        campaigns: 0,
        journeys: 0,
      });
    }
  });

  it("reports a file or object of the wrong shape by its path, and imports the rest", async () => {
    const e = await makeTenant("Pinpoint E");
    const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
    const files = () =>
      readFiles([
        { path: "endpoints.json", bytes: enc({ EndpointsResponse: { Item: 5 } }) },
        { path: "endpoint.json", bytes: enc({ EndpointResponse: "ep-1" }) },
        {
          path: "segments.json",
          bytes: enc({
            SegmentsResponse: {
              Item: [
                { Id: "s-groups", Name: "Groups", SegmentGroups: { Groups: 5 } },
                7,
                {
                  Id: "s-values",
                  Name: "Values",
                  Dimensions: { Attributes: { Plan: { Values: ["pro", 5] } } },
                },
                {
                  Id: "s-ok",
                  Name: "Fine",
                  Dimensions: { Attributes: { Plan: { Values: ["pro"] } } },
                },
              ],
            },
          }),
        },
        {
          path: "journey.json",
          bytes: enc({
            JourneyResponse: { Id: "j-shape", Name: "shape", Activities: { a: { EMAIL: 5 } } },
          }),
        },
        {
          path: "journey-ok.json",
          bytes: enc({
            JourneyResponse: {
              Id: "j-uses",
              Name: "uses",
              StartActivity: "w",
              StartCondition: { SegmentStartCondition: { SegmentId: "s-groups" } },
              Activities: { w: { Wait: { WaitTime: { WaitFor: "PT1H" } } } },
            },
          }),
        },
      ]);
    for (const dryRun of [true, false]) {
      const r = await importPinpointExport(e.workspace.id, files(), { dryRun, userId: e.user.id });
      expect(r.fileErrors).toEqual([
        { path: "endpoints.json#EndpointsResponse.Item", message: "must be a list" },
        { path: "endpoint.json#EndpointResponse", message: "must be an object" },
        {
          path: "segments.json#SegmentsResponse.Item[0].SegmentGroups.Groups",
          message: "must be a list",
        },
        { path: "segments.json#SegmentsResponse.Item[1]", message: "must be an object" },
        {
          path: "segments.json#SegmentsResponse.Item[2].Dimensions.Attributes.Plan.Values[1]",
          message: "must be text",
        },
        { path: "journey.json#JourneyResponse.Activities.a.EMAIL", message: "must be an object" },
      ]);
      expect(r.entries.map((x) => [x.kind, x.name, x.action])).toEqual([
        ["segment", "Fine", "create"],
        ["journey", "uses", "skip"],
      ]);
      expect(entry(r, "journey", "uses").errors).toEqual([
        {
          path: "StartCondition.SegmentStartCondition.SegmentId",
          message: "segment s-groups is in the export but is not imported: see its own errors",
        },
      ]);
    }
    expect(await counts(e.workspace.id)).toMatchObject({ segments: 1, journeys: 0 });
  });
});
