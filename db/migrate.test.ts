import { sql } from "drizzle-orm";
import { executeRows } from "@/db/execute-rows";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "./testing/test-db";
import { migrateDb } from "./migrate";
import type { DbHandle } from "./index";
import { seedDemo } from "@/lib/demo/seed-demo";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/demo-accounts";
import { authenticateUser } from "@/lib/auth/authenticate-user";

let handle: DbHandle;
let close: () => Promise<void>;
beforeAll(async () => ({ handle, close } = await useTestDb()));
afterAll(() => close());

describe("migrations and seed", () => {
  it("re-applies as a no-op, also when several processes start at once", async () => {
    await Promise.all([migrateDb(handle), migrateDb(handle), migrateDb(handle)]);
    const [n] = await executeRows<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      handle.db,
    );
    expect(n!.n).toBeGreaterThan(0);
  });

  it("seeds the demo once, with a working login per role, sample contacts and published templates", async () => {
    expect(await seedDemo()).toEqual({ created: true });
    expect(await seedDemo()).toEqual({ created: false });
    const counts = await handle.db
      .execute(sql`select (select count(*)::int from contacts) as contacts, (select count(*)::int from events) as events,
      (select count(*)::int from channel_subscriptions where status = 'unsubscribed') as unsubscribed`);
    const c = (Array.isArray(counts) ? counts : (counts as { rows: unknown[] }).rows)[0] as {
      contacts: number;
      events: number;
      unsubscribed: number;
    };
    // 61 sample contacts through the ingest pipeline, 1,500 shoppers behind the dashboards' history.
    expect(c.contacts).toBe(61 + 1500);
    expect(c.events).toBeGreaterThan(200);
    expect(c.unsubscribed).toBeGreaterThan(0);
    // Templates published once: a second seed adds no version.
    const t = await handle.db.execute(
      sql`select t.name, t.published_version as v, (select count(*)::int from template_versions tv where tv.template_id = t.id) as versions from templates t order by t.name`,
    );
    expect(Array.isArray(t) ? t : (t as { rows: unknown[] }).rows).toEqual([
      { name: "App guide push", v: 1, versions: 1 },
      { name: "Birthday email", v: 1, versions: 1 },
      { name: "Cart reminder SMS", v: 1, versions: 1 },
      { name: "Order confirmation", v: 1, versions: 1 },
      { name: "Pro upgrade email", v: 1, versions: 1 },
      { name: "Welcome email", v: 1, versions: 1 },
      { name: "Welcome in-app", v: 1, versions: 1 },
    ]);
    // The live journeys, each once: one started by an event, one by a date, one by a segment.
    const j = await executeRows<{ name: string; status: string; kind: string }>(
      sql`select j.name, j.status, v.plan -> 'trigger' ->> 'kind' as kind from journeys j join journey_versions v on v.journey_id = j.id and v.version = j.live_version order by j.name`,
      handle.db,
    );
    expect(j).toEqual([
      { name: "Birthday greeting", status: "live", kind: "date_attribute" },
      { name: "Pro welcome (Europe)", status: "live", kind: "segment_entered" },
      { name: "Welcome journey", status: "live", kind: "event" },
    ]);
    // One completed campaign, sent through the bulk pipeline into the outbox.
    const [camp] = await executeRows<{ state: string; sent: number; messages: number }>(
      sql`select c.state, (select count(*)::int from campaign_deliveries d join campaign_runs r on r.id = d.run_id
            where r.campaign_id = c.id and d.status = 'sent') as sent,
          (select count(*)::int from messages m where m.origin->>'campaignId' = c.id::text) as messages
        from campaigns c where c.name = 'Pro upgrade newsletter'`,
      handle.db,
    );
    expect(camp).toMatchObject({ state: "completed" });
    expect(camp!.sent).toBeGreaterThan(0);
    expect(camp!.messages).toBe(camp!.sent);
    // One order confirmation through the transactional API's pipeline, once.
    const tx = await executeRows<{ status: string; subject: string }>(
      sql`select status, content->>'subject' as subject from messages where transactional`,
      handle.db,
    );
    expect(tx).toEqual([{ status: "delivered", subject: "Order A-1001 confirmed" }]); // the Outbox delivers
    for (const u of DEMO_USERS) {
      expect(await authenticateUser({ email: u.email, password: DEMO_PASSWORD })).toMatchObject({
        email: u.email,
      });
    }
    // The whole demo (1,500 contacts of history, journeys, a campaign, a transactional send) takes
    // 40–60 s on a loaded 2-core machine: more than the default minute leaves no margin.
  }, 180_000);
});
