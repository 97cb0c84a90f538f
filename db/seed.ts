import { eq } from "drizzle-orm";
import { db } from "@/db";
import {
  apiKeys,
  contacts,
  memberships,
  segments,
  templates,
  templateVersions,
  users,
  workspaces,
} from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { hashApiKey } from "@/lib/api-keys/api-key";
import { demoContactOperations } from "@/lib/demo/demo-contacts";
import { seedDemoCampaign } from "@/lib/demo/demo-campaign";
import { seedDemoHistory } from "@/lib/demo/demo-history";
import { seedDemoJourney } from "@/lib/demo/demo-journey";
import { seedDemoTriggerJourneys } from "@/lib/demo/demo-trigger-journeys";
import { DEMO_SEGMENTS } from "@/lib/demo/demo-segments";
import { DEMO_TEMPLATES } from "@/lib/demo/demo-templates";
import { ingest } from "@/lib/ingest/ingest";
import {
  DEMO_API_KEY,
  DEMO_PASSWORD,
  DEMO_USERS,
  DEMO_WORKSPACE_SLUG,
} from "@/lib/demo/demo-accounts";

/**
 * Creates the demo workspace once; later starts find it and change nothing. Each part is seeded
 * when missing, so a demo created by an older version gains the parts added since.
 */
export async function seedDemo(): Promise<{ created: boolean }> {
  const [existing] = await db()
    .select()
    .from(workspaces)
    .where(eq(workspaces.slug, DEMO_WORKSPACE_SLUG))
    .limit(1);
  if (existing) {
    await seedDemoContacts(existing.id);
    await seedDemoSegments(existing.id);
    await seedDemoTemplates(existing.id);
    await seedDemoJourney(existing.id, await demoAdminId());
    await seedDemoTriggerJourneys(existing.id, await demoAdminId());
    await seedDemoHistory(existing.id);
    await seedDemoCampaign(existing.id, await demoAdminId());
    return { created: false };
  }
  await seedDemoWorkspace();
  const [ws] = await db()
    .select()
    .from(workspaces)
    .where(eq(workspaces.slug, DEMO_WORKSPACE_SLUG))
    .limit(1);
  await seedDemoContacts(ws!.id);
  await seedDemoSegments(ws!.id);
  await seedDemoTemplates(ws!.id);
  await seedDemoJourney(ws!.id, await demoAdminId());
  await seedDemoTriggerJourneys(ws!.id, await demoAdminId());
  await seedDemoHistory(ws!.id);
  await seedDemoCampaign(ws!.id, await demoAdminId());
  return { created: true };
}

async function demoAdminId(): Promise<string> {
  const admin = DEMO_USERS.find((u) => u.role === "admin")!;
  const [row] = await db().select({ id: users.id }).from(users).where(eq(users.email, admin.email));
  return row!.id;
}

/** The demo segments, once: a workspace that already has any segment is left as it is. */
async function seedDemoSegments(workspaceId: string) {
  const [any] = await db()
    .select({ id: segments.id })
    .from(segments)
    .where(eq(segments.workspaceId, workspaceId))
    .limit(1);
  if (any) return;
  await db()
    .insert(segments)
    .values(DEMO_SEGMENTS.map((s) => ({ workspaceId, type: "dynamic" as const, ...s })))
    .onConflictDoNothing();
}

/** The demo templates, each published as version 1, once: a workspace with any template is left as it is. */
async function seedDemoTemplates(workspaceId: string) {
  const [any] = await db()
    .select({ id: templates.id })
    .from(templates)
    .where(eq(templates.workspaceId, workspaceId))
    .limit(1);
  if (any) return;
  await db().transaction(async (tx) => {
    for (const t of DEMO_TEMPLATES) {
      const [row] = await tx
        .insert(templates)
        .values({
          workspaceId,
          name: t.name,
          channel: t.content.channel,
          draft: t.content,
          publishedVersion: 1,
        })
        .onConflictDoNothing()
        .returning({ id: templates.id });
      if (row)
        await tx
          .insert(templateVersions)
          .values({ templateId: row.id, version: 1, workspaceId, content: t.content });
    }
  });
}

/** Sample contacts and their events, through the same pipeline as the API. */
async function seedDemoContacts(workspaceId: string) {
  const [any] = await db()
    .select({ id: contacts.id })
    .from(contacts)
    .where(eq(contacts.workspaceId, workspaceId))
    .limit(1);
  if (any) return;
  await ingest(workspaceId, demoContactOperations(new Date()));
}

async function seedDemoWorkspace() {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db().transaction(async (tx) => {
    const [ws] = await tx
      .insert(workspaces)
      .values({ slug: DEMO_WORKSPACE_SLUG, name: "Acme Demo", timezone: "Europe/Paris" })
      .returning();
    for (const u of DEMO_USERS) {
      const [row] = await tx
        .insert(users)
        .values({ email: u.email, name: u.name, passwordHash })
        .onConflictDoUpdate({ target: users.email, set: { name: u.name } })
        .returning();
      await tx.insert(memberships).values({ workspaceId: ws!.id, userId: row!.id, role: u.role });
    }
    await tx.insert(apiKeys).values({
      workspaceId: ws!.id,
      name: "Demo key",
      prefix: DEMO_API_KEY.slice(0, 11),
      keyHash: hashApiKey(DEMO_API_KEY),
      createdBy: null,
    });
  });
}
