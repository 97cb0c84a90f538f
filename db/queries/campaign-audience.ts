import { sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { previewQuerySettings } from "@/db/queries/segments";

/** The audience condition over `c` when a campaign goes to every contact of the workspace. */
export const everyoneCondition = (): SQL => sql`true`;

/** The audience condition over `c` for a static segment: its frozen members. */
export const staticMembersCondition = (segmentId: string): SQL =>
  sql`exists (select 1 from segment_members sm where sm.segment_id = ${segmentId} and sm.contact_id = c.id)`;

/** What makes a contact reachable on a channel, in SQL over `c` (as chooseRecipient decides it). */
const ADDRESS: Record<string, SQL> = {
  email: sql`c.email is not null`,
  sms: sql`c.phone is not null`,
  voice: sql`c.phone is not null`,
  push: sql`exists (select 1 from push_tokens p where p.contact_id = c.id)`,
  in_app: sql`c.external_id is not null`,
  webhook: sql`true`,
};

/**
 * The audience's size and how many of it the channel can reach now (an address, and no opt-out
 * of everything or of the channel), for the editor's live count. The holdout is taken off by the
 * caller: it is a share of the audience.
 */
export async function countAudience(
  workspaceId: string,
  condition: SQL,
  channel: string,
  ex: Executor = db(),
): Promise<{ total: number; reachable: number }> {
  return ex.transaction(async (tx) => {
    for (const s of previewQuerySettings()) await tx.execute(sql.raw(s));
    const optedOut =
      channel === "webhook"
        ? sql`s.channel = 'all'`
        : sql`s.channel in ('all', ${channel}::subscription_channel)`;
    const [row] = await executeRows<{ total: number; reachable: number }>(
      sql`select count(*)::int as total,
          (count(*) filter (where ${ADDRESS[channel] ?? sql`false`} and not exists (
            select 1 from channel_subscriptions s where s.contact_id = c.id and s.status = 'unsubscribed' and ${optedOut})))::int as reachable
        from contacts c where c.workspace_id = ${workspaceId} and ${condition}`,
      tx,
    );
    return row ?? { total: 0, reachable: 0 };
  });
}
