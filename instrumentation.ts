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
  // Every stored event may enter contacts into journeys and resume runs waiting for it,
  // and send event-triggered campaigns to its contact.
  const [{ onIngested }, { routeIngestedEvents }, { routeCampaignEvents }] = await Promise.all([
    import("./lib/ingest/ingested-events"),
    import("./lib/journeys/runtime/route-ingested-events"),
    import("./inngest/route-campaign-events"),
  ]);
  onIngested(routeIngestedEvents);
  onIngested(routeCampaignEvents);
  // Background jobs (rollups, trigger sweeps, imports, retention) are Inngest functions with cron
  // or event triggers (inngest/functions/jobs): the executor schedules them, nothing here.
  const { env } = await import("./lib/env");
  // Without an Inngest server (the default), the app runs its Inngest functions itself.
  if (env.executor === "local") {
    const { startLocalExecutor } = await import("./lib/local-executor/start-local-executor");
    startLocalExecutor();
  }
}
