import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";

/** Daily size snapshots of the workspace's segments (one, or all) in the range. */
export async function segmentSizeSeries(
  workspaceId: string,
  r: { from: string; to: string; segmentId?: string | null },
  ex: Executor = db(),
) {
  return executeRows<{ segment_id: string; name: string; day: string; size: number }>(
    sql`select s.segment_id::text as segment_id, g.name, to_char(s.day, 'YYYY-MM-DD') as day, s.size
        from segment_size_snapshots s join segments g on g.id = s.segment_id and g.workspace_id = s.workspace_id
        where s.workspace_id = ${workspaceId} and s.day between ${r.from}::date and ${r.to}::date ${r.segmentId ? sql`and s.segment_id = ${r.segmentId}::uuid` : sql``}
        order by g.name, s.day`,
    ex,
  );
}
