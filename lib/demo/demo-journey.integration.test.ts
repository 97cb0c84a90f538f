import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { journeys } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { createTemplate, publishTemplate } from "@/lib/templates/manage-templates";
import { seedDemoJourney } from "./demo-journey";

let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await useTestDb());
});
afterAll(() => close());

describe("the demo journey", () => {
  it("is published live from the workspace's templates, once", async () => {
    const { workspace, user } = await makeTenant("Demo journey");
    await seedDemoJourney(workspace.id, user.id);
    expect(await db().$count(journeys, eq(journeys.workspaceId, workspace.id))).toBe(0);
    for (const channel of ["email", "sms", "push"] as const) {
      const t = await createTemplate(workspace.id, user.id, { name: `Demo ${channel}`, channel });
      await publishTemplate(workspace.id, t.id, user.id);
    }
    await seedDemoJourney(workspace.id, user.id);
    await seedDemoJourney(workspace.id, user.id);
    const rows = await db().select().from(journeys).where(eq(journeys.workspaceId, workspace.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "Welcome journey", status: "live", liveVersion: 1 });
  });
});
