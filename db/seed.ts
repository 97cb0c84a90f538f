import { eq } from "drizzle-orm";
import { db } from "@/db";
import { apiKeys, memberships, users, workspaces } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { hashApiKey } from "@/lib/api-keys/api-key";
import type { TRole } from "@/lib/auth/roles";

export const DEMO_WORKSPACE_SLUG = "demo";
export const DEMO_PASSWORD = "waymark-demo-2026";
/** A fixed key so the README's curl examples work on a fresh demo; never seeded in production by default. */
export const DEMO_API_KEY = "wm_demo_key_for_local_development_only_0001";

export const DEMO_USERS: { email: string; name: string; role: TRole }[] = [
  { email: "admin@demo.waymark.dev", name: "Ada Admin", role: "admin" },
  { email: "marketer@demo.waymark.dev", name: "Mia Marketer", role: "marketer" },
  { email: "analyst@demo.waymark.dev", name: "Ana Analyst", role: "analyst" },
];

/** Creates the demo workspace once; later starts find it and change nothing. */
export async function seedDemo(): Promise<{ created: boolean }> {
  const [existing] = await db().select().from(workspaces).where(eq(workspaces.slug, DEMO_WORKSPACE_SLUG)).limit(1);
  if (existing) return { created: false };
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
  return { created: true };
}
