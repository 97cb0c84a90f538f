import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

/**
 * Marketing messages (a campaign's or a journey's; never a test or a transactional send) that
 * reached each contact since an instant: what the global daily cap counts. Served by the
 * `(contact_id, created_at)` index (by contact: `created_at` is the database's clock, `sent_at`
 * the sender's, which a test clock may move).
 */
export async function marketingSendCounts(
  workspaceId: string,
  contactIds: string[],
  since: Date,
  ex: Executor = db(),
): Promise<Map<string, number>> {
  if (!contactIds.length) return new Map();
  const rows = await executeRows<{ contact_id: string; n: number }>(
    sql`select contact_id, count(*)::int as n from messages
      where workspace_id = ${workspaceId} and is_test = false and status in ('sent', 'delivered')
        and origin->>'kind' in ('campaign', 'journey')
        and sent_at >= ${since.toISOString()}::timestamptz
        and contact_id = any(${sql.param(contactIds)}::uuid[])
      group by contact_id`,
    ex,
  );
  return new Map(rows.map((r) => [r.contact_id, r.n]));
}

/**
 * Messages one campaign (over all its runs) or one journey (over all its versions and entries)
 * has sent each contact: what the total cap counts.
 */
export async function sourceSendCounts(
  workspaceId: string,
  source: { kind: "campaign" | "journey"; id: string },
  contactIds: string[],
  ex: Executor = db(),
): Promise<Map<string, number>> {
  if (!contactIds.length) return new Map();
  const key = source.kind === "campaign" ? "campaignId" : "journeyId";
  const rows = await executeRows<{ contact_id: string; n: number }>(
    sql`select contact_id, count(*)::int as n from messages
      where workspace_id = ${workspaceId} and is_test = false and status in ('sent', 'delivered')
        and origin @> ${json({ kind: source.kind, [key]: source.id })}
        and contact_id = any(${sql.param(contactIds)}::uuid[])
      group by contact_id`,
    ex,
  );
  return new Map(rows.map((r) => [r.contact_id, r.n]));
}
