import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/execute-rows";
import { likePrefix } from "@/db/like-pattern";
import { db, type Executor } from "@/db";

export type TSampleContact = {
  id: string;
  externalId: string | null;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
};

/**
 * Contacts to preview a template for: the newest, or those whose user id, email or first/last
 * name starts with `q` (case-insensitive). A handful is enough to pick from.
 */
export async function searchSampleContacts(
  workspaceId: string,
  q: string,
  limit = 50,
  ex: Executor = db(),
): Promise<TSampleContact[]> {
  const prefix = likePrefix(q.trim().toLowerCase());
  const match = q.trim()
    ? sql`and (lower(external_id) like ${prefix} or lower(email) like ${prefix} or lower(attributes->>'firstName') like ${prefix} or lower(attributes->>'lastName') like ${prefix})`
    : sql``;
  const r =
    await ex.execute(sql`select id, external_id, email, phone, attributes->>'firstName' as first_name, attributes->>'lastName' as last_name
    from contacts where workspace_id = ${workspaceId} ${match} order by created_at desc nulls last, id desc limit ${limit}`);
  return rowsOf<{
    id: string;
    external_id: string | null;
    email: string | null;
    phone: string | null;
    first_name: string | null;
    last_name: string | null;
  }>(r).map((c) => ({
    id: c.id,
    externalId: c.external_id,
    email: c.email,
    phone: c.phone,
    firstName: c.first_name,
    lastName: c.last_name,
  }));
}
