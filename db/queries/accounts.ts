import { sql } from "drizzle-orm";
import type { Executor } from "@/db";

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

export type TAccountPatch = { groupId: string; set: Record<string, unknown>; unset: string[] };

/**
 * Segment `group` calls of one batch: creates the accounts, merges their traits (null removes one)
 * and adds the memberships. Accounts are taken in id order, so concurrent batches never deadlock.
 */
export async function applyGroupCalls(
  workspaceId: string,
  patches: TAccountPatch[],
  members: { groupId: string; contactId: string }[],
  ex: Executor,
) {
  if (!patches.length) return;
  const sorted = [...patches].sort((a, b) => (a.groupId < b.groupId ? -1 : 1));
  await ex.execute(sql`
    insert into accounts (workspace_id, external_id)
    select ${workspaceId}, x from jsonb_array_elements_text(${json(sorted.map((p) => p.groupId))}) as x
    on conflict (workspace_id, external_id) do nothing`);
  await ex.execute(sql`
    update accounts a set
      traits = (a.traits || x.set) - coalesce(array(select jsonb_array_elements_text(x.unset)), '{}'::text[]),
      updated_at = now()
    from jsonb_to_recordset(${json(sorted.map((p) => ({ external_id: p.groupId, set: p.set, unset: p.unset })))}) as x(external_id text, set jsonb, unset jsonb)
    where a.workspace_id = ${workspaceId} and a.external_id = x.external_id`);
  await ex.execute(sql`
    insert into account_members (workspace_id, account_id, contact_id)
    select ${workspaceId}, a.id, m.contact_id
    from jsonb_to_recordset(${json(members.map((m) => ({ external_id: m.groupId, contact_id: m.contactId })))}) as m(external_id text, contact_id uuid)
    join accounts a on a.workspace_id = ${workspaceId} and a.external_id = m.external_id
    on conflict (account_id, contact_id) do nothing`);
}
