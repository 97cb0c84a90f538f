import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { contacts, journeyEntries, journeys } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { ingest } from "@/lib/ingest/ingest";
import { sweepJourneyTriggers } from "@/lib/journeys/triggers/sweep-journey-triggers";
import { createSegment } from "@/lib/segments/save-segment";
import { createTemplate, publishTemplate } from "@/lib/templates/manage-templates";
import { demoContactOperations } from "./demo-contacts";
import { DEMO_SEGMENTS } from "./demo-segments";
import { seedDemoTriggerJourneys } from "./demo-trigger-journeys";

let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await useTestDb());
});
afterAll(() => close());

describe("the demo's trigger journeys", () => {
  it("are published live once, and the birthday one greets the contacts whose birthday is today", async () => {
    const { workspace, user } = await makeTenant("Demo trigger journeys");
    const ws = workspace.id;
    const now = new Date();
    await ingest(ws, demoContactOperations(now));
    const pro = DEMO_SEGMENTS.find((s) => s.name === "Pro plan in Europe")!;
    await createSegment(ws, user.id, {
      name: pro.name,
      description: pro.description,
      type: "dynamic",
      definition: pro.definition,
    });
    for (const name of ["Birthday email", "Pro upgrade email"]) {
      const t = await createTemplate(ws, user.id, { name, channel: "email" });
      await publishTemplate(ws, t.id, user.id);
    }
    await seedDemoTriggerJourneys(ws, user.id);
    await seedDemoTriggerJourneys(ws, user.id);
    const rows = await db().select().from(journeys).where(eq(journeys.workspaceId, ws));
    expect(rows.map((r) => [r.name, r.status, r.liveVersion]).sort()).toEqual([
      ["Birthday greeting", "live", 1],
      ["Pro welcome (Europe)", "live", 1],
    ]);

    // Each birthday contact's 09:00 on their local birthday falls within a day of the seed: sweeps
    // every six hours from now catch each exactly once.
    const birthday = rows.find((r) => r.name === "Birthday greeting")!;
    for (let h = 0; h <= 30; h += 6)
      await sweepJourneyTriggers(new Date(now.getTime() + h * 3600_000));
    const greeted = await db()
      .select({ userId: contacts.externalId })
      .from(journeyEntries)
      .innerJoin(contacts, eq(contacts.id, journeyEntries.contactId))
      .where(eq(journeyEntries.journeyId, birthday.id));
    expect(greeted.map((g) => g.userId).sort()).toEqual([
      "demo-user-006",
      "demo-user-018",
      "demo-user-030",
      "demo-user-042",
      "demo-user-054",
    ]);
  });
});
