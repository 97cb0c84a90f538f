import {
  findWorkspaceBySlug,
  grantDemoKeyScopes,
  insertDemoSegments,
  insertDemoWorkspace,
  insertPublishedTemplates,
  workspaceHasAny,
} from "@/db/queries/demo-seed";
import { findUserByEmail } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { API_KEY_SCOPES } from "@/lib/api-keys/kinds";
import { hashApiKey } from "@/lib/api-keys/api-key";
import { demoContactOperations } from "@/lib/demo/demo-contacts";
import { seedDemoCampaign } from "@/lib/demo/demo-campaign";
import { seedDemoHistory } from "@/lib/demo/demo-history";
import { seedDemoPinpoint } from "@/lib/demo/demo-pinpoint";
import { seedDemoPinpointHistory } from "@/lib/demo/demo-pinpoint-history";
import { seedDemoSuppressions } from "@/lib/demo/demo-suppressions";
import { seedDemoTopics } from "@/lib/demo/demo-topics";
import { seedDemoStream } from "@/lib/demo/demo-stream";
import { seedDemoJourney } from "@/lib/demo/demo-journey";
import { seedDemoTriggerJourneys } from "@/lib/demo/demo-trigger-journeys";
import { seedDemoTransactional } from "@/lib/demo/demo-transactional";
import { DEMO_SEGMENTS } from "@/lib/demo/demo-segments";
import { DEMO_TEMPLATES } from "@/lib/demo/demo-templates";
import { ingest } from "@/lib/ingest/ingest";
import { DEMO_USERS, DEMO_WORKSPACE_SLUG } from "@/lib/demo/demo-accounts";
import { demoCredentials } from "@/lib/demo/demo-credentials";

/**
 * Creates the demo workspace once; later starts find it and change nothing. Each part is seeded
 * when missing, so a demo created by an older version gains the parts added since.
 */
export async function seedDemo(): Promise<{ created: boolean }> {
  const existing = await findWorkspaceBySlug(DEMO_WORKSPACE_SLUG);
  if (existing) {
    await grantDemoKeyScopes(existing.id, hashApiKey(demoCredentials().apiKey), [
      ...API_KEY_SCOPES,
    ]);
    await seedDemoContacts(existing.id);
    await seedDemoSegments(existing.id);
    await seedDemoTemplates(existing.id);
    await seedDemoJourney(existing.id, await demoAdminId());
    await seedDemoTriggerJourneys(existing.id, await demoAdminId());
    await seedDemoHistory(existing.id);
    await seedDemoTopics(existing.id);
    await seedDemoCampaign(existing.id, await demoAdminId());
    await seedDemoPinpoint(existing.id);
    await seedDemoPinpointHistory(existing.id);
    await seedDemoTransactional(existing.id);
    await seedDemoSuppressions(existing.id);
    return { created: false };
  }
  await seedDemoWorkspace();
  const ws = await findWorkspaceBySlug(DEMO_WORKSPACE_SLUG);
  await seedDemoContacts(ws!.id);
  await seedDemoSegments(ws!.id);
  await seedDemoTemplates(ws!.id);
  await seedDemoJourney(ws!.id, await demoAdminId());
  await seedDemoTriggerJourneys(ws!.id, await demoAdminId());
  await seedDemoHistory(ws!.id);
  await seedDemoTopics(ws!.id);
  await seedDemoCampaign(ws!.id, await demoAdminId());
  await seedDemoPinpoint(ws!.id);
  await seedDemoPinpointHistory(ws!.id);
  await seedDemoTransactional(ws!.id);
  await seedDemoSuppressions(ws!.id);
  await seedDemoStream(ws!.id);
  return { created: true };
}

async function demoAdminId(): Promise<string> {
  const admin = DEMO_USERS.find((u) => u.role === "admin")!;
  return (await findUserByEmail(admin.email))!.id;
}

/** The demo segments, once: a workspace that already has any segment is left as it is. */
async function seedDemoSegments(workspaceId: string) {
  if (await workspaceHasAny(workspaceId, "segments")) return;
  await insertDemoSegments(
    DEMO_SEGMENTS.map((s) => ({ workspaceId, type: "dynamic" as const, ...s })),
  );
}

/** The demo templates, each published as version 1, once: a workspace with any template is left as it is. */
async function seedDemoTemplates(workspaceId: string) {
  if (await workspaceHasAny(workspaceId, "templates")) return;
  await insertPublishedTemplates(
    workspaceId,
    DEMO_TEMPLATES.map((t) => ({ name: t.name, channel: t.content.channel, content: t.content })),
  );
}

/** Sample contacts and their events, through the same pipeline as the API. */
async function seedDemoContacts(workspaceId: string) {
  if (await workspaceHasAny(workspaceId, "contacts")) return;
  await ingest(workspaceId, demoContactOperations(new Date()));
}

async function seedDemoWorkspace() {
  const { password, apiKey, publicKey } = demoCredentials();
  await insertDemoWorkspace(
    { slug: DEMO_WORKSPACE_SLUG, name: "Acme Demo", timezone: "Europe/Paris" },
    DEMO_USERS,
    await hashPassword(password),
    [
      {
        name: "Demo server key",
        prefix: apiKey.slice(0, 11),
        keyHash: hashApiKey(apiKey),
        kind: "secret",
        scopes: [...API_KEY_SCOPES],
      },
      {
        name: "Demo browser key",
        prefix: publicKey.slice(0, 14),
        keyHash: hashApiKey(publicKey),
        kind: "public",
        scopes: [],
      },
    ],
  );
}
