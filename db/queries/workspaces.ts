import { and, asc, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { memberships, workspaces } from "@/db/schema";
import type { TRole } from "@/lib/auth/roles";

/** The workspace behind `slug` and the user's role in it, or null when they are not a member. */
export async function findMembershipBySlug(slug: string, userId: string, ex: Executor = db()) {
  const [row] = await ex
    .select({ workspace: workspaces, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(workspaces.slug, slug), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

export async function listWorkspacesForUser(userId: string, ex: Executor = db()) {
  return ex
    .select({
      id: workspaces.id,
      slug: workspaces.slug,
      name: workspaces.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.name));
}

export async function findTakenSlugs(
  candidates: string[],
  ex: Executor = db(),
): Promise<Set<string>> {
  const rows = await ex
    .select({ slug: workspaces.slug })
    .from(workspaces)
    .where(inArray(workspaces.slug, candidates));
  return new Set(rows.map((r) => r.slug));
}

export async function insertWorkspace(
  values: { slug: string; name: string; timezone: string },
  ex: Executor = db(),
) {
  const [ws] = await ex.insert(workspaces).values(values).returning();
  return ws!;
}

export async function insertMembership(
  values: { workspaceId: string; userId: string; role: TRole },
  ex: Executor = db(),
) {
  await ex.insert(memberships).values(values).onConflictDoNothing();
}

export async function updateWorkspace(
  workspaceId: string,
  values: { name: string; timezone: string } | { pinpointApplicationId: string | null },
  ex: Executor = db(),
) {
  const [ws] = await ex
    .update(workspaces)
    .set(values)
    .where(eq(workspaces.id, workspaceId))
    .returning();
  return ws ?? null;
}

export async function findWorkspaceById(id: string, ex: Executor = db()) {
  const [row] = await ex.select().from(workspaces).where(eq(workspaces.id, id));
  return row ?? null;
}

/** Whether the user is an admin of at least one workspace (operators, lib/operators/is-operator.ts). */
export async function isAdminOfAnyWorkspace(userId: string, ex: Executor = db()): Promise<boolean> {
  const [row] = await ex
    .select({ id: memberships.workspaceId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.role, "admin")))
    .limit(1);
  return Boolean(row);
}

export async function findWorkspaceIdByPinpointApplicationId(
  applicationId: string,
  ex: Executor = db(),
) {
  const [row] = await ex
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(eq(workspaces.pinpointApplicationId, applicationId));
  return row?.id ?? null;
}
