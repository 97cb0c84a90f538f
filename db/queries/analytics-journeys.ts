import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";

// Journey dashboard figures over journey_daily_rollup / journey_node_daily_rollup, scoped by workspace.

type TRange = { from: string; to: string };
export type TJourneyFlow = {
  entered: number;
  exited: number;
  completed: number;
  cancelled: number;
  converted: number;
};
const flowSums = sql.raw(
  ["entered", "exited", "completed", "cancelled", "converted"]
    .map((m) => `coalesce(sum(${m}), 0)::int as ${m}`)
    .join(", "),
);

export async function journeyFlowTotals(
  workspaceId: string,
  journeyId: string | null,
  r: TRange,
  ex: Executor = db(),
): Promise<TJourneyFlow> {
  const [row] = await executeRows<TJourneyFlow>(
    sql`select ${flowSums} from journey_daily_rollup where workspace_id = ${workspaceId} ${journeyId ? sql`and journey_id = ${journeyId}::uuid` : sql``} and day between ${r.from}::date and ${r.to}::date`,
    ex,
  );
  return row ?? { entered: 0, exited: 0, completed: 0, cancelled: 0, converted: 0 };
}

export async function journeyFlowByDay(
  workspaceId: string,
  journeyId: string | null,
  r: TRange,
  ex: Executor = db(),
) {
  return executeRows<TJourneyFlow & { day: string }>(
    sql`select to_char(day, 'YYYY-MM-DD') as day, ${flowSums} from journey_daily_rollup where workspace_id = ${workspaceId} ${journeyId ? sql`and journey_id = ${journeyId}::uuid` : sql``} and day between ${r.from}::date and ${r.to}::date group by day order by day`,
    ex,
  );
}

/** Entries that passed each node, by outcome (variant, holdout branch…), and how many of them converted. */
export async function journeyNodeOutcomes(
  workspaceId: string,
  journeyId: string,
  r: TRange,
  ex: Executor = db(),
) {
  return executeRows<{ node_id: string; outcome: string; passed: number; converted: number }>(
    sql`select node_id, outcome, sum(passed)::int as passed, sum(converted)::int as converted from journey_node_daily_rollup
        where workspace_id = ${workspaceId} and journey_id = ${journeyId}::uuid and day between ${r.from}::date and ${r.to}::date
        group by node_id, outcome order by node_id, outcome`,
    ex,
  );
}

/** Where active entries are now (live, from the partial index on active entries). */
export async function journeyActiveByNode(
  workspaceId: string,
  journeyId: string,
  ex: Executor = db(),
) {
  return executeRows<{ node_id: string; active: number }>(
    sql`select current_node_id as node_id, count(*)::int as active from journey_entries
        where workspace_id = ${workspaceId} and journey_id = ${journeyId}::uuid and status = 'active' and current_node_id is not null
        group by current_node_id order by current_node_id`,
    ex,
  );
}
