import { desc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { auditLog, users } from "@/db/schema";

export async function insertAuditEntry(
  row: {
    workspaceId: string;
    actorId: string | null;
    action: string;
    target: string;
    detail: Record<string, unknown>;
  },
  ex: Executor = db(),
) {
  await ex.insert(auditLog).values(row);
}

/** The newest entries first, with who made them. */
export async function listAuditEntries(workspaceId: string, limit: number, ex: Executor = db()) {
  return ex
    .select({
      id: auditLog.id,
      action: auditLog.action,
      target: auditLog.target,
      detail: auditLog.detail,
      createdAt: auditLog.createdAt,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(eq(auditLog.workspaceId, workspaceId))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}
