import { and, asc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { memberships, users } from "@/db/schema";
import type { TMemberRole } from "@/db/schema/member-roles";

export async function listMembers(workspaceId: string, ex: Executor = db()) {
  return ex
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name));
}

/** Locks the workspace's memberships so two concurrent demotions cannot both pass the last-admin check. */
export async function lockMemberships(workspaceId: string, ex: Executor) {
  return ex
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.workspaceId, workspaceId))
    .for("update");
}

export async function setMemberRole(
  workspaceId: string,
  userId: string,
  role: TMemberRole,
  ex: Executor = db(),
) {
  await ex
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
}

export async function deleteMember(workspaceId: string, userId: string, ex: Executor = db()) {
  await ex
    .delete(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
}
