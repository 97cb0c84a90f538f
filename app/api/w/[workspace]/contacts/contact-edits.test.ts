import { sql } from "drizzle-orm";
import { executeRows } from "@/db/execute-rows";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { insertUser } from "@/db/queries/users";
import { insertMembership } from "@/db/queries/workspaces";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { callRoute } from "@/app/api/v1/v1-test-client";
import { POST as ingestCall } from "@/app/api/v1/[call]/route";
import { onIngested, type TIngestedEvent } from "@/lib/ingest/ingested-events";
import { PATCH } from "./[contactId]/attributes/route";
import { PUT } from "./[contactId]/subscriptions/route";

// The session is the one thing not exercised here: each call runs as the user set below, through
// the real withWorkspace checks (membership, role) and the real database.
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string },
}));
vi.mock("@/app/_server/auth", () => ({ currentUser: async () => session.user }));

let close: () => Promise<void>;
let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;
let marketer: { id: string; email: string; name: string };
let analyst: { id: string; email: string; name: string };
let contactId: string;
let otherTenantContact: string;

const rows = executeRows;

beforeAll(async () => {
  ({ close } = await useTestDb());
  a = await makeTenant("Edits A");
  b = await makeTenant("Edits B");
  marketer = await insertUser({
    email: "mia@example.com",
    name: "Mia Marketer",
    passwordHash: "x",
  });
  analyst = await insertUser({ email: "ana@example.com", name: "Ana Analyst", passwordHash: "x" });
  await insertMembership({ workspaceId: a.workspace.id, userId: marketer.id, role: "marketer" });
  await insertMembership({ workspaceId: a.workspace.id, userId: analyst.id, role: "analyst" });
  // The same userId in both tenants: two different contacts.
  for (const key of [a.key, b.key]) {
    await callRoute(
      ingestCall,
      { call: "identify" },
      {
        key,
        body: {
          userId: "u-1",
          email: "u1@example.com",
          phone: "+14155550101",
          traits: { plan: "free", trial: true },
        },
      },
    );
  }
  [{ id: contactId }] = (await rows<{ id: string }>(
    sql`select id from contacts where workspace_id = ${a.workspace.id} and external_id = 'u-1'`,
  )) as [{ id: string }];
  [{ id: otherTenantContact }] = (await rows<{ id: string }>(
    sql`select id from contacts where workspace_id = ${b.workspace.id} and external_id = 'u-1'`,
  )) as [{ id: string }];
});
afterAll(() => close());

const as = (user: typeof marketer | null) => (session.user = user);
const patch = (body: unknown, id = contactId, slug = a.workspace.slug) =>
  callRoute(PATCH, { workspace: slug, contactId: id }, { method: "PATCH", body });
const put = (body: unknown, id = contactId, slug = a.workspace.slug) =>
  callRoute(PUT, { workspace: slug, contactId: id }, { method: "PUT", body });
const contact = async () =>
  (
    await rows<{ attributes: Record<string, unknown> }>(
      sql`select attributes from contacts where id = ${contactId}`,
    )
  )[0]!;
const eventsNamed = (name: string) =>
  rows<{ properties: Record<string, unknown>; message_id: string }>(
    sql`select properties, message_id from events where contact_id = ${contactId} and name = ${name} order by id`,
  );

describe("PATCH /api/w/[workspace]/contacts/[contactId]/attributes", () => {
  it("sets and removes attributes and records who did it on the timeline, in one go", async () => {
    as(marketer);
    const seen: TIngestedEvent[] = [];
    const stop = onIngested((e) => void seen.push(...e));
    const res = await patch({
      set: { plan: "pro", seats: 5, tags: ["vip"], renewsOn: "2027-01-31" },
      unset: ["trial"],
    });
    stop();
    expect(res).toEqual({
      status: 200,
      json: { changed: ["plan", "seats", "tags", "renewsOn", "trial"] },
    });
    expect((await contact()).attributes).toEqual({
      plan: "pro",
      seats: 5,
      tags: ["vip"],
      renewsOn: "2027-01-31",
    });
    const [event] = await eventsNamed("$attributes_changed");
    expect(event!.message_id).toMatch(/^ui-[0-9a-f-]{36}$/);
    expect(event!.properties).toEqual({
      set: { plan: "pro", seats: 5, tags: ["vip"], renewsOn: "2027-01-31" },
      unset: ["trial"],
      previous: { plan: "free", trial: true },
      source: "ui",
      changedBy: { userId: marketer.id, name: "Mia Marketer", email: "mia@example.com" },
    });
    expect(seen.map((e) => e.name)).toEqual(["$attributes_changed"]);
  });

  it("records nothing when nothing changes", async () => {
    as(marketer);
    expect((await patch({ set: { plan: "pro" }, unset: ["not-there"] })).json).toEqual({
      changed: [],
    });
    expect(await eventsNamed("$attributes_changed")).toHaveLength(1);
  });

  it("answers 400 naming the field, and changes nothing", async () => {
    as(marketer);
    const before = await contact();
    expect((await patch({ set: { $plan: "x" } })).json!.error.fields).toEqual({
      "set.$plan": "attribute names cannot start with $",
    });
    expect((await patch({ set: { notes: "x".repeat(3000) } })).json!.error.fields).toEqual({
      "set.notes": "must be at most 2048 characters",
    });
    expect((await patch({ unset: [""] })).json!.error.fields).toEqual({
      "unset.0": "attribute names cannot be empty",
    });
    expect((await patch({ set: { a: 1 }, unset: ["a"] })).json!.error.fields).toEqual({
      "unset.0": "a cannot be both set and removed",
    });
    expect((await patch({})).json!.error.fields).toEqual({ set: "nothing to change" });
    expect((await patch({ set: { a: 1 }, extra: true })).status).toBe(400);
    expect(await contact()).toEqual(before);
  });

  it("refuses analysts (403), strangers (404), other tenants' and malformed contact ids (404), and the signed-out (401)", async () => {
    as(analyst);
    const refused = await patch({ set: { plan: "x" } });
    expect(refused.status).toBe(403);
    expect(refused.json!.error.message).toBe("Your role (analyst) does not allow this");
    as(marketer);
    expect((await patch({ set: { plan: "x" } }, otherTenantContact)).status).toBe(404);
    expect((await patch({ set: { plan: "x" } }, "not-a-uuid")).status).toBe(404);
    expect((await patch({ set: { plan: "x" } }, contactId, b.workspace.slug)).status).toBe(404);
    as(null);
    expect((await patch({ set: { plan: "x" } })).status).toBe(401);
    expect((await contact()).attributes.plan).toBe("pro");
    const [other] = await rows<{ attributes: Record<string, unknown> }>(
      sql`select attributes from contacts where id = ${otherTenantContact}`,
    );
    expect(other!.attributes).toEqual({ plan: "free", trial: true });
  });
});

describe("PUT /api/w/[workspace]/contacts/[contactId]/subscriptions", () => {
  const subs = () =>
    rows<{ channel: string; status: string; source: string }>(
      sql`select channel, status, source from channel_subscriptions where contact_id = ${contactId} order by channel`,
    );

  it("opts a channel out and back in with source ui, each change on the timeline", async () => {
    as(marketer);
    expect((await put({ channel: "sms", status: "unsubscribed" })).json).toEqual({ changed: true });
    expect((await put({ channel: "sms", status: "unsubscribed" })).json).toEqual({
      changed: false,
    });
    expect(await subs()).toEqual([{ channel: "sms", status: "unsubscribed", source: "ui" }]);
    expect((await put({ channel: "all", status: "unsubscribed" })).json).toEqual({ changed: true });
    expect((await put({ channel: "all", status: "subscribed" })).json).toEqual({ changed: true });
    const events = await eventsNamed("$subscription_changed");
    expect(
      events.map((e) => [e.properties.channel, e.properties.status, e.properties.previousStatus]),
    ).toEqual([
      ["sms", "unsubscribed", "subscribed"],
      ["all", "unsubscribed", "subscribed"],
      ["all", "subscribed", "unsubscribed"],
    ]);
    expect(events[0]!.properties).toMatchObject({
      source: "ui",
      changedBy: { userId: marketer.id, name: "Mia Marketer" },
    });
  });

  it("opting in a channel nobody opted out of records nothing", async () => {
    as(marketer);
    expect((await put({ channel: "push", status: "subscribed" })).json).toEqual({ changed: false });
    expect((await subs()).map((s) => s.channel)).not.toContain("push");
  });

  it("answers 400 naming the field, 403 for analysts, 404 across tenants", async () => {
    as(marketer);
    expect((await put({ channel: "fax", status: "unsubscribed" })).json!.error.fields).toEqual({
      channel: "must be one of all, email, sms, push, voice, in_app",
    });
    expect((await put({ channel: "sms" })).json!.error.fields).toEqual({
      status: "must be subscribed or unsubscribed",
    });
    expect(
      (await put({ channel: "email", status: "unsubscribed" }, otherTenantContact)).status,
    ).toBe(404);
    as(analyst);
    expect((await put({ channel: "email", status: "unsubscribed" })).status).toBe(403);
    expect((await subs()).map((s) => s.channel)).toEqual(["sms", "all"].sort());
  });
});
