import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/execute-rows";
import { db, type Executor } from "@/db";

/** Event names the workspace has seen (not the `$`-named system ones), for the builder's suggestions. */
export async function listEventNames(workspaceId: string, ex: Executor = db()) {
  const r = await ex.execute(
    sql`select distinct name from events where workspace_id = ${workspaceId} and name not like '$%' order by name limit 500`,
  );
  return rowsOf<{ name: string }>(r).map((x) => x.name);
}

/** Attribute keys of the workspace's most recent contacts: a sample is enough for suggestions. */
export async function listAttributeKeys(workspaceId: string, ex: Executor = db()) {
  const r =
    await ex.execute(sql`select distinct k from (select attributes from contacts where workspace_id = ${workspaceId} order by created_at desc limit 1000) c,
    lateral jsonb_object_keys(c.attributes) k order by k limit 500`);
  return rowsOf<{ k: string }>(r).map((x) => x.k);
}
