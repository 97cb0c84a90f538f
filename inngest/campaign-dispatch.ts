import type { TCampaignRun } from "@/db/schema";
import { currentTraceCarrier, TRACE_FIELD } from "@/lib/tracing/trace-context";
import { emitExecutorEvents } from "./emit-events";
import { CAMPAIGN_RUN_RESUMED, CAMPAIGN_RUN_STARTED } from "./events";

/** The launch's trace, continued by the run (lib/tracing/trace-context.ts). */
const traced = () => {
  const trace = currentTraceCarrier();
  return trace ? { [TRACE_FIELD]: trace } : {};
};

/**
 * Hands runs to the executor once their rows are committed. The event id is the run's (and the
 * resume's time), so a repeated hand-off starts nothing twice.
 */
export async function dispatchRunStarted(run: TCampaignRun): Promise<boolean> {
  return emitExecutorEvents([
    {
      name: CAMPAIGN_RUN_STARTED,
      id: `campaign-run-${run.id}`,
      data: { runId: run.id, notBefore: run.scheduledFor.toISOString(), ...traced() },
    },
  ]);
}

export async function dispatchRunsResumed(runs: TCampaignRun[]): Promise<boolean> {
  const at = Date.now();
  return emitExecutorEvents(
    runs.map((run) => ({
      name: CAMPAIGN_RUN_RESUMED,
      id: `campaign-run-${run.id}-resumed-${at}`,
      data: { runId: run.id, notBefore: run.scheduledFor.toISOString(), ...traced() },
    })),
  );
}
