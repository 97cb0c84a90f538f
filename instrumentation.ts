export async function register() {
  // Runs once when the server starts. The build has no database to prepare.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build")
    return;
  // Operations (lib/lifecycle/): SIGTERM drains the work started below, which registers itself.
  const { startLifecycle } = await import("./lib/lifecycle/start-lifecycle");
  await startLifecycle();
  // Journey events (entries, stops, awaited contact events) go to the executor from here on.
  const { setEventSink } = await import("./inngest/emit-events");
  setEventSink();
  const { prepareDatabase } = await import("./lib/demo/prepare-database");
  await prepareDatabase();
  // Background work (CSV imports) runs in the app's own process until it moves to Inngest.
  const { startImportWorker } = await import("./lib/imports/start-import-worker");
  startImportWorker();
  // Dashboard rollups follow the raw events on a short schedule (lib/analytics/refresh-rollups.ts).
  const { startRollupRefresher } = await import("./lib/analytics/start-rollup-refresher");
  startRollupRefresher();
  // Every stored event may enter contacts into journeys and resume runs waiting for it.
  const [{ onIngested }, { routeIngestedEvents }] = await Promise.all([
    import("./lib/ingest/ingested-events"),
    import("./lib/journeys/runtime/route-ingested-events"),
  ]);
  onIngested(routeIngestedEvents);
  // Segment-entered and date-attribute triggers are swept on a schedule (lib/journeys/triggers/sweep-journey-triggers.ts).
  const [{ startTriggerSweeper }, { env }] = await Promise.all([
    import("./lib/journeys/triggers/start-trigger-sweeper"),
    import("./lib/env"),
  ]);
  startTriggerSweeper(env.WAYMARK_TRIGGER_SWEEP_SECONDS * 1000);
  // Without an Inngest server (the default), the app runs its Inngest functions itself.
  if (env.executor === "local") {
    const { startLocalExecutor } = await import("./lib/local-executor/start-local-executor");
    startLocalExecutor();
  }
}
