import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import {
  journeyEntries,
  journeyNodeVisits,
  journeys,
  journeyVersions,
  users,
  type TJourney,
} from "@/db/schema";
import { rowsOf } from "@/db/execute-rows";

/**
 * What a graph says, without where its nodes sit: nodes minus their positions and edges, each in
 * id order. Moving nodes or "Tidy up layout" on a live journey leaves nothing to publish.
 */
const graphContent = (graph: SQL) =>
  sql`jsonb_build_object(
    'nodes', (select coalesce(jsonb_agg(n - 'position' order by n->>'id'), '[]'::jsonb) from jsonb_array_elements(${graph}->'nodes') n),
    'edges', (select coalesce(jsonb_agg(e order by e->>'id'), '[]'::jsonb) from jsonb_array_elements(${graph}->'edges') e))`;

export async function listJourneys(workspaceId: string, ex: Executor = db()) {
  return ex
    .select({
      id: journeys.id,
      name: journeys.name,
      status: journeys.status,
      liveVersion: journeys.liveVersion,
      updatedAt: journeys.updatedAt,
      hasDraftChanges: sql<boolean>`${journeys.liveVersion} = 0 or ${graphContent(sql`${journeys.draftGraph}`)} is distinct from (select ${graphContent(sql`v.graph`)} from journey_versions v where v.journey_id = ${journeys.id} and v.version = ${journeys.liveVersion})`,
    })
    .from(journeys)
    .where(eq(journeys.workspaceId, workspaceId))
    .orderBy(desc(journeys.updatedAt));
}

export async function findJourney(
  workspaceId: string,
  journeyId: string,
  ex: Executor = db(),
): Promise<TJourney | null> {
  const [row] = await ex
    .select()
    .from(journeys)
    .where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.id, journeyId)));
  return row ?? null;
}

export async function lockJourney(
  workspaceId: string,
  journeyId: string,
  ex: Executor,
): Promise<TJourney | null> {
  const [row] = await ex
    .select()
    .from(journeys)
    .where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.id, journeyId)))
    .for("update");
  return row ?? null;
}

/**
 * Whether the journey's draft graph says what its live version's says (positions aside), read in
 * the publish's transaction: a layout-only change publishes nothing.
 */
export async function draftGraphMatchesVersion(
  workspaceId: string,
  journeyId: string,
  version: number,
  ex: Executor,
): Promise<boolean> {
  const [row] = await ex
    .select({
      same: sql<boolean>`${graphContent(sql`${journeys.draftGraph}`)} = ${graphContent(sql`${journeyVersions.graph}`)}`,
    })
    .from(journeys)
    .innerJoin(
      journeyVersions,
      and(eq(journeyVersions.journeyId, journeys.id), eq(journeyVersions.version, version)),
    )
    .where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.id, journeyId)));
  return row?.same === true;
}

export async function insertJourney(row: typeof journeys.$inferInsert, ex: Executor = db()) {
  const [created] = await ex.insert(journeys).values(row).returning();
  return created!;
}

export async function updateJourney(
  workspaceId: string,
  journeyId: string,
  patch: Partial<
    Pick<TJourney, "name" | "draftGraph" | "draftSettings" | "status" | "liveVersion">
  >,
  ex: Executor = db(),
) {
  const [row] = await ex
    .update(journeys)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.id, journeyId)))
    .returning();
  return row ?? null;
}

export async function deleteJourney(workspaceId: string, journeyId: string, ex: Executor = db()) {
  const rows = await ex
    .delete(journeys)
    .where(and(eq(journeys.workspaceId, workspaceId), eq(journeys.id, journeyId)))
    .returning({ id: journeys.id });
  return rows.length === 1;
}

export async function insertJourneyVersion(row: typeof journeyVersions.$inferInsert, ex: Executor) {
  await ex.insert(journeyVersions).values(row);
}

/** Every published version, newest first, with who published it and how many contacts entered it. */
export async function listJourneyVersions(
  workspaceId: string,
  journeyId: string,
  ex: Executor = db(),
) {
  return ex
    .select({
      version: journeyVersions.version,
      publishedAt: journeyVersions.publishedAt,
      publishedBy: users.name,
      // journey_entries_contact_idx leads with journey_id, so this counts one journey's entries only.
      entered: sql<number>`(select count(*)::int from ${journeyEntries} e where e.journey_id = ${journeyVersions.journeyId} and e.version = ${journeyVersions.version})`,
    })
    .from(journeyVersions)
    .leftJoin(users, eq(users.id, journeyVersions.publishedBy))
    .where(
      and(eq(journeyVersions.workspaceId, workspaceId), eq(journeyVersions.journeyId, journeyId)),
    )
    .orderBy(desc(journeyVersions.version));
}

/** One version of a journey in this workspace: the graph as drawn and its settings. */
export async function findWorkspaceJourneyVersion(
  workspaceId: string,
  journeyId: string,
  version: number,
  ex: Executor = db(),
) {
  const [row] = await ex
    .select({
      version: journeyVersions.version,
      graph: journeyVersions.graph,
      settings: journeyVersions.settings,
      publishedAt: journeyVersions.publishedAt,
      publishedBy: users.name,
    })
    .from(journeyVersions)
    .leftJoin(users, eq(users.id, journeyVersions.publishedBy))
    .where(
      and(
        eq(journeyVersions.workspaceId, workspaceId),
        eq(journeyVersions.journeyId, journeyId),
        eq(journeyVersions.version, version),
      ),
    );
  return row ?? null;
}

/** By id alone: the journey runner and the dashboards hold an id already scoped (its event, its page). */
export async function findJourneyVersionAnyWorkspace(
  journeyId: string,
  version: number,
  ex: Executor = db(),
) {
  const [row] = await ex
    .select()
    .from(journeyVersions)
    .where(and(eq(journeyVersions.journeyId, journeyId), eq(journeyVersions.version, version)));
  return row ?? null;
}

/** Stopping a journey ends every entry still inside it. */
export async function cancelActiveEntries(workspaceId: string, journeyId: string, ex: Executor) {
  await ex
    .update(journeyEntries)
    .set({ status: "cancelled", exitedAt: new Date(), exitReason: "stopped", currentNodeId: null })
    .where(
      and(
        eq(journeyEntries.workspaceId, workspaceId),
        eq(journeyEntries.journeyId, journeyId),
        eq(journeyEntries.status, "active"),
      ),
    );
}

/** Per node: how many passed it (by outcome) and how many are at it now. */
export async function journeyNodeCounts(
  workspaceId: string,
  journeyId: string,
  ex: Executor = db(),
) {
  const passed = rowsOf<{ node_id: string; outcome: string; n: number }>(
    await ex.execute(sql`select v.node_id, v.outcome, count(*)::int as n from ${journeyNodeVisits} v join ${journeyEntries} e on e.id = v.entry_id
      where e.workspace_id = ${workspaceId} and v.journey_id = ${journeyId} group by v.node_id, v.outcome`),
  );
  const waiting = rowsOf<{ node_id: string; n: number }>(
    await ex.execute(sql`select current_node_id as node_id, count(*)::int as n from ${journeyEntries}
      where workspace_id = ${workspaceId} and journey_id = ${journeyId} and status = 'active' and current_node_id is not null group by current_node_id`),
  );
  const [totals] = rowsOf<{
    entered: number;
    active: number;
    completed: number;
    converted: number;
  }>(
    await ex.execute(sql`select count(*)::int as entered, count(*) filter (where status = 'active')::int as active,
      count(*) filter (where status in ('completed', 'exited'))::int as completed, count(*) filter (where converted)::int as converted
      from ${journeyEntries} where workspace_id = ${workspaceId} and journey_id = ${journeyId}`),
  );
  return {
    passed,
    waiting,
    totals: totals ?? { entered: 0, active: 0, completed: 0, converted: 0 },
  };
}

/**
 * Journeys whose draft or live graph holds the string `id` somewhere in a node's data, with both
 * graphs: a pre-filter by JSON path (not by searching the text). It cannot tell a reference from
 * a webhook body that happens to contain the id, so callers confirm with the typed walk
 * (lib/journeys/graph/graph-references.ts), which knows where each node keeps its references.
 */
export async function listJourneysMentioning(workspaceId: string, id: string, ex: Executor = db()) {
  const mentions = (graph: SQL) =>
    sql`jsonb_path_exists(${graph}, '$.nodes[*].data.** ? (@ == $id)', jsonb_build_object('id', ${id}::text))`;
  return rowsOf<{
    id: string;
    name: string;
    status: TJourney["status"];
    draft_graph: unknown;
    live_graph: unknown;
  }>(
    await ex.execute(sql`select j.id, j.name, j.status, j.draft_graph, v.graph as live_graph
      from ${journeys} j
      left join ${journeyVersions} v on v.journey_id = j.id and v.version = j.live_version
      where j.workspace_id = ${workspaceId}
        and (${mentions(sql`j.draft_graph`)} or (v.graph is not null and ${mentions(sql`v.graph`)}))
      order by j.name`),
  );
}

/** By id alone: a running journey's effects ask about their own entry. */
export async function findEntryStatusAnyWorkspace(entryId: string, ex: Executor = db()) {
  const [row] = await ex
    .select({ status: journeyEntries.status })
    .from(journeyEntries)
    .where(eq(journeyEntries.id, entryId));
  return row?.status ?? null;
}

/** Live and paused journeys of a workspace with the plan of their live version. */
export async function listRunningJourneyPlans(workspaceId: string, ex: Executor = db()) {
  return ex
    .select({
      id: journeys.id,
      name: journeys.name,
      status: journeys.status,
      version: journeys.liveVersion,
      plan: journeyVersions.plan,
    })
    .from(journeys)
    .innerJoin(
      journeyVersions,
      and(
        eq(journeyVersions.journeyId, journeys.id),
        eq(journeyVersions.version, journeys.liveVersion),
      ),
    )
    .where(
      and(eq(journeys.workspaceId, workspaceId), sql`${journeys.status} in ('live', 'paused')`),
    );
}

export async function listPreviousEntries(journeyId: string, contactId: string, ex: Executor) {
  return ex
    .select({ enteredAt: journeyEntries.enteredAt, exitedAt: journeyEntries.exitedAt })
    .from(journeyEntries)
    .where(and(eq(journeyEntries.journeyId, journeyId), eq(journeyEntries.contactId, contactId)))
    .orderBy(desc(journeyEntries.enteredAt));
}

export async function insertEntry(row: typeof journeyEntries.$inferInsert, ex: Executor) {
  const [created] = await ex
    .insert(journeyEntries)
    .values(row)
    .onConflictDoNothing({ target: [journeyEntries.journeyId, journeyEntries.triggerKey] })
    .returning();
  return created ?? null;
}

/** Serialises entry decisions for one (journey, contact) across processes until the transaction ends. */
export async function lockJourneyContact(journeyId: string, contactId: string, ex: Executor) {
  await ex.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`${journeyId}:${contactId}`}, 0))`,
  );
}

/**
 * An entry passed a node (replays repeat it: the first record stands) and now stands at `next`.
 * One statement (data-modifying CTEs run once each, atomically): every node of every run passes
 * here, so a round trip saved is one per contact per node at audience scale.
 */
export async function recordNodeVisit(
  entryId: string,
  nodeId: string,
  outcome: string,
  next: string | null,
  ex: Executor = db(),
) {
  await ex.execute(sql`with visited as (
      insert into ${journeyNodeVisits} (entry_id, journey_id, node_id, outcome)
      select e.id, e.journey_id, ${nodeId}, ${outcome} from ${journeyEntries} e where e.id = ${entryId}
      on conflict do nothing
    )
    update ${journeyEntries} set current_node_id = ${next}
    where id = ${entryId} and status = 'active'`);
}

export async function finishEntry(
  entryId: string,
  result: { reason: string; converted: boolean },
  ex: Executor = db(),
) {
  await ex
    .update(journeyEntries)
    // Walking off the end or into an exit node completes the journey; a goal, a holdout or a vanished contact leaves it early.
    .set({
      status:
        result.reason === "completed" || result.reason === "exit_node" ? "completed" : "exited",
      exitReason: result.reason,
      converted: result.converted,
      exitedAt: new Date(),
      currentNodeId: null,
    })
    .where(and(eq(journeyEntries.id, entryId), eq(journeyEntries.status, "active")));
}
