import { and, desc, eq, isNull } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { invites, users, workspaces } from "@/db/schema";
import type { TRole } from "@/lib/auth/roles";

export async function insertInvite(
  values: {
    workspaceId: string;
    email: string;
    role: TRole;
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
  ex: Executor = db(),
) {
  const [invite] = await ex.insert(invites).values(values).returning();
  return invite!;
}

export async function listInvites(workspaceId: string, ex: Executor = db()) {
  return ex
    .select({
      id: invites.id,
      email: invites.email,
      role: invites.role,
      expiresAt: invites.expiresAt,
      acceptedAt: invites.acceptedAt,
      revokedAt: invites.revokedAt,
      createdAt: invites.createdAt,
      invitedByName: users.name,
    })
    .from(invites)
    .leftJoin(users, eq(users.id, invites.invitedBy))
    .where(eq(invites.workspaceId, workspaceId))
    .orderBy(desc(invites.createdAt));
}

export async function findInviteByTokenHash(tokenHash: string, ex: Executor = db()) {
  const [row] = await ex
    .select({
      invite: invites,
      workspace: { id: workspaces.id, slug: workspaces.slug, name: workspaces.name },
    })
    .from(invites)
    .innerJoin(workspaces, eq(workspaces.id, invites.workspaceId))
    .where(eq(invites.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

/** Marks the invite accepted unless someone else did first; returns whether this call won. */
export async function markInviteAccepted(inviteId: string, now: Date, ex: Executor) {
  const rows = await ex
    .update(invites)
    .set({ acceptedAt: now })
    .where(and(eq(invites.id, inviteId), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
    .returning({ id: invites.id });
  return rows.length === 1;
}

export async function revokeInvite(
  workspaceId: string,
  inviteId: string,
  now: Date,
  ex: Executor = db(),
) {
  const rows = await ex
    .update(invites)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invites.id, inviteId),
        eq(invites.workspaceId, workspaceId),
        isNull(invites.acceptedAt),
      ),
    )
    .returning({ id: invites.id });
  return rows.length === 1;
}
