import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";

/** An outbox row with the contact's current user id (null once erased), as the pipeline reads it. */
export type TStreamEventRecord = {
  id: number;
  txid: string;
  type: string;
  contactId: string | null;
  userId: string | null;
  occurredAt: Date;
  createdAt: Date;
  data: Record<string, unknown>;
};

type TRaw = {
  id: string | number;
  txid: string;
  type: string;
  contact_id: string | null;
  user_id: string | null;
  occurred_at: string | Date;
  created_at: string | Date;
  data: Record<string, unknown> | string;
};

const toRecord = (r: TRaw): TStreamEventRecord => ({
  id: Number(r.id),
  txid: String(r.txid),
  type: r.type,
  contactId: r.contact_id,
  userId: r.user_id,
  occurredAt: new Date(r.occurred_at),
  createdAt: new Date(r.created_at),
  data: typeof r.data === "string" ? (JSON.parse(r.data) as Record<string, unknown>) : r.data,
});

/**
 * The oldest transaction id that may still add stream events: the oldest write transaction running
 * in THIS database (only its sessions write its tables), else the next id to be assigned.
 * `pg_snapshot_xmin` alone would be server-wide: a long transaction in any other database on the
 * server would hold every stream back. Running transactions come as xid8 from the snapshot and
 * are matched to this database's backends by their 32-bit `backend_xid`.
 */
const STREAM_HORIZON = sql`(select coalesce(min(x), pg_snapshot_xmax(pg_current_snapshot()))
  from pg_snapshot_xip(pg_current_snapshot()) x
  where (x::text::numeric % 4294967296) in (
    select backend_xid::text::numeric from pg_stat_activity
    where datname = current_database() and backend_xid is not null))`;

/**
 * The next events of a workspace after the cursor `(txid, id)`, in stream order. Only events of
 * transactions older than every write transaction still running in this database are read
 * (`STREAM_HORIZON`): a transaction that commits later can only add events after them, so the
 * cursor never passes an event that was not yet visible.
 */
export async function readStreamEventsAfter(
  workspaceId: string,
  cursor: { txid: string; id: number },
  limit: number,
  ex: Executor = db(),
): Promise<TStreamEventRecord[]> {
  const rows = await executeRows<TRaw>(
    sql`select s.id, s.txid::text as txid, s.type, s.contact_id, c.external_id as user_id,
          s.occurred_at, s.created_at, s.data
        from stream_events s left join contacts c on c.id = s.contact_id
        where s.workspace_id = ${workspaceId}
          and (s.txid, s.id) > (${cursor.txid}::xid8, ${cursor.id}::bigint)
          and s.txid < ${STREAM_HORIZON}
        order by s.txid, s.id
        limit ${limit}`,
    ex,
  );
  return rows.map(toRecord);
}

/**
 * The cursor of "now": every transaction older than the oldest still running is before it, so a
 * destination created with it receives what commits from here on (and perhaps a few events of
 * transactions running at this moment: at least once).
 */
export async function currentStreamHead(ex: Executor = db()) {
  const [row] = await executeRows<{ txid: string }>(
    sql`select ((${STREAM_HORIZON})::text::numeric - 1)::text as txid`,
    ex,
  );
  return { txid: row?.txid ?? "0", id: Number.MAX_SAFE_INTEGER };
}

/**
 * Right to erasure, written by the erasure itself (db/queries/contacts.ts) in its transaction:
 * the last event about the contact, carrying only its user id, so a warehouse can erase too.
 */
export async function insertContactErasedEvent(
  workspaceId: string,
  contactId: string,
  userId: string | null,
  ex: Executor,
) {
  await ex.execute(sql`insert into stream_events (workspace_id, contact_id, type, occurred_at, data)
    select ${workspaceId}, ${contactId}, 'contact.erased', now(), ${JSON.stringify({ userId })}::jsonb
    where stream_has_destination(${workspaceId})`);
}

/** Retention of the outbox, across workspaces: a chunk of events older than `before`. */
export async function pruneStreamEventsAnyWorkspace(before: Date, limit: number, ex = db()) {
  const rows = await executeRows<{ id: number }>(
    sql`delete from stream_events where id in (
          select id from stream_events where created_at < ${before.toISOString()}::timestamptz
          order by created_at limit ${limit})
        returning id`,
    ex,
  );
  return rows.length;
}
