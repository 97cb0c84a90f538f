import { describe, expect, it } from "vitest";
import {
  channelMapViolations,
  confirmDeleteViolations,
  eventNameViolations,
  filterBarViolations,
  graphTextSearchViolations,
  conflictReasonViolations,
  roleAlertViolations,
  testHygieneViolations,
} from "./code-rules";

// Each rule shown to fail on a made-up offending file, and to let the allowed forms through.
const lines = (vs: { line: number; specifier: string }[]) =>
  vs.map((v) => `${v.line} ${v.specifier}`);

describe("code rules", () => {
  it("finds per-channel label and icon maps outside their homes", () => {
    const labels = `const L = {\n  email: "Email", sms: "SMS", push: "Push", voice: "Voice", in_app: "In-app" };`;
    expect(lines(channelMapViolations("components/campaigns/labels.ts", labels))).toEqual([
      "1 channel map",
    ]);
    const icons = "const I = { email: Mail, sms: MessageSquare, push: Bell, voice: Phone };";
    expect(channelMapViolations("components/x/icons.tsx", icons)).toHaveLength(1);
    const jsx = "const I = { email: <Mail />, sms: <Sms />, push: <Bell />, voice: <Phone /> };";
    expect(channelMapViolations("components/x/icons.tsx", jsx)).toHaveLength(1);
    // Maps of behaviour, not names: reachability, SQL, settings.
    const reach = "const R = { email: c.email !== null, sms: ok, push: n > 0, voice: ok };";
    expect(channelMapViolations("lib/segments/x.ts", reach)).toEqual([]);
    const few = 'const F = { email: "Has email", phone: "Has phone", push: "Has push token" };';
    expect(channelMapViolations("components/contacts/f.tsx", few)).toEqual([]);
    expect(channelMapViolations("lib/channels/channel-meta.ts", labels)).toEqual([]);
    expect(channelMapViolations("components/ui/channel-icon.tsx", icons)).toEqual([]);
  });

  it("finds filter forms and URL-kept fields outside FilterBar", () => {
    const src = [
      'import { useUrlForm } from "@/components/app/use-url-form";',
      '<form role="search" onSubmit={go}>{fields}</form>;',
      '<form role={"search"}>{fields}</form>;',
    ].join("\n");
    expect(lines(filterBarViolations("components/x/filters.tsx", src))).toEqual([
      "1 useUrlForm",
      '2 role="search"',
      '3 role="search"',
    ]);
    expect(
      filterBarViolations("components/x/f.tsx", 'import { u } from "./use-url-form";'),
    ).toHaveLength(1);
    // FilterBar itself, the hook's own file, and other roles are allowed.
    expect(filterBarViolations("components/ui/filter-bar.tsx", src)).toEqual([]);
    expect(filterBarViolations("components/app/use-url-form.ts", src)).toEqual([]);
    expect(filterBarViolations("components/x/f.tsx", '<nav role="navigation" />;')).toEqual([]);
  });

  it('finds role="alert" written by hand', () => {
    const src = '<p role="alert" className="x">{e}</p>;\n<p role={"alert"}>{e}</p>;';
    expect(lines(roleAlertViolations("components/x/form.tsx", src))).toEqual([
      '1 role="alert"',
      '2 role="alert"',
    ]);
    expect(roleAlertViolations("components/x/form.tsx", '<p role="status">ok</p>;')).toEqual([]);
    expect(roleAlertViolations("components/ui/error-alert.tsx", src)).toEqual([]);
  });

  it("finds a ConflictError thrown without a reason code", () => {
    const src = [
      'throw new ConflictError("Taken");',
      'throw new ConflictError("Taken", { name: "Taken" });',
      'throw new ConflictError("Taken", undefined, { code: "name_taken" });',
    ].join("\n");
    expect(lines(conflictReasonViolations("lib/x/save.ts", src))).toEqual([
      "1 new ConflictError",
      "2 new ConflictError",
    ]);
    expect(conflictReasonViolations("lib/x/save.test.ts", src)).toEqual([]);
  });

  it("finds deletes sent without ConfirmDeleteButton", () => {
    const src = 'const revoke = useApiMutation((id: string) => ({ url, method: "DELETE" }));';
    expect(lines(confirmDeleteViolations("components/settings/invites-table.tsx", src))).toEqual([
      '1 method: "DELETE"',
    ]);
    const put = 'useApiMutation(() => ({ url, method: "PUT", body }));';
    expect(confirmDeleteViolations("components/settings/x.tsx", put)).toEqual([]);
    expect(confirmDeleteViolations("components/ui/confirm-delete-button.tsx", src)).toEqual([]);
  });

  it("finds searches of JSON text for an id", () => {
    const sqlLike = "sql`select id from journeys where draft_graph::text like ${'%' + id + '%'}`;";
    expect(lines(graphTextSearchViolations("db/queries/journeys.ts", sqlLike))).toEqual([
      "1 ::text like",
    ]);
    const js = "const used = JSON.stringify(j.graph).includes(segmentId);";
    expect(lines(graphTextSearchViolations("lib/segments/x.ts", js))).toEqual([
      "1 JSON.stringify(…).includes",
    ]);
    const typed = "const used = graphReferences(j.graph).segmentIds.includes(segmentId);";
    expect(graphTextSearchViolations("lib/segments/x.ts", typed)).toEqual([]);
  });

  it("finds event names spelt outside the registry", () => {
    const names = ["journey/stopped", "journey/contact.exited"];
    const src =
      'await send({ name: "journey/stopped", data });\nconst n = `journey/contact.exited`;';
    expect(lines(eventNameViolations("lib/journeys/manage/stop.ts", src, names))).toEqual([
      "1 journey/stopped",
      "2 journey/contact.exited",
    ]);
    expect(eventNameViolations("inngest/events.ts", src, names)).toEqual([]);
    expect(eventNameViolations("inngest/x.test.ts", src, names)).toEqual([]);
    expect(eventNameViolations("lib/x.ts", '"journey/stopped-ish";', names)).toEqual([]);
  });

  it("finds tests that cannot fail or drop out silently", () => {
    const spec = [
      "await page.waitForTimeout(500);",
      "expect(row).toBeDefined();",
      "describe.skipIf(!process.env.DATABASE_URL)('pg', () => {});",
      'it.skip("later", () => {});',
      'test.only("mine", () => {});',
      "if (!process.env.DATABASE_URL) return;",
      'test.skip(browserName === "webkit", "no clipboard");',
      "await expect(page.getByRole('row')).toHaveCount(3);",
    ].join("\n");
    expect(lines(testHygieneViolations("e2e/x.spec.ts", spec))).toEqual([
      "1 waitForTimeout",
      "2 toBeDefined()",
      "3 describe.skipIf(DATABASE_URL)",
      "4 it.skip",
      "5 test.only",
      "6 if (DATABASE_URL) return",
    ]);
    expect(
      lines(
        testHygieneViolations(
          "e2e/x.spec.ts",
          'await page.goto("http://127.0.0.1:3100/w/demo");\nconst u = `http://localhost:3000/${p}`;\nawait page.goto(`${E2E_BASE_URL}/w/demo`);',
        ),
      ),
    ).toEqual(["1 127.0.0.1:3100", "2 localhost:3000"]);
    expect(testHygieneViolations("e2e/server.ts", '"http://127.0.0.1:3100"')).toEqual([]);
    expect(testHygieneViolations("lib/x.test.ts", "expect(x).toBeDefined();")).toHaveLength(1);
    expect(testHygieneViolations("lib/x.ts", "expect(x).toBeDefined();")).toEqual([]);
  });
});
