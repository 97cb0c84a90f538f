import { and, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { contacts } from "@/db/schema";

/** The workspace's contacts among `ids`, each with a name to show (user id, else email, else id). */
export async function findContactIds(
  workspaceId: string,
  ids: string[],
  ex: Executor = db(),
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await ex
    .select({ id: contacts.id, externalId: contacts.externalId, email: contacts.email })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, ids)));
  return new Map(rows.map((r) => [r.id, r.email ?? r.externalId ?? r.id]));
}
