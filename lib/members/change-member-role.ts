import { db } from "@/db";
import { deleteMember, lockMemberships, setMemberRole } from "@/db/queries/members";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { TRole } from "@/lib/auth/roles";

const LAST_ADMIN = "A workspace needs at least one admin: make someone else admin first";

/** Changes a member's role, or removes them when `role` is null; never leaves a workspace without an admin. */
export async function changeMemberRole(input: {
  workspaceId: string;
  userId: string;
  role: TRole | null;
}) {
  await db().transaction(async (tx) => {
    const members = await lockMemberships(input.workspaceId, tx);
    const target = members.find((m) => m.userId === input.userId);
    if (!target) throw new NotFoundError("No such member in this workspace");
    const admins = members.filter((m) => m.role === "admin").length;
    if (target.role === "admin" && input.role !== "admin" && admins <= 1)
      throw new ConflictError(LAST_ADMIN, undefined, { code: "last_admin" });
    if (input.role === null) await deleteMember(input.workspaceId, input.userId, tx);
    else await setMemberRole(input.workspaceId, input.userId, input.role, tx);
  });
}
