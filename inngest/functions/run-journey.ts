import { inngest } from "@/inngest/client";
import {
  JOURNEY_CONTACT_ENTERED,
  JOURNEY_STOPPED,
  ZJourneyContactEntered,
  type TJourneyContactEntered,
} from "@/inngest/events";
import type { TPlan } from "@/lib/journeys/compile/compile-journey";
import { inngestStepPort, type TInngestStep } from "@/inngest/inngest-step-port";
import {
  interpretJourney,
  type TJourneyResult,
  type TPathEntry,
} from "@/lib/journeys/interpret/interpret-journey";
import type { JourneyEffects } from "@/lib/journeys/interpret/journey-effects";
import { TRACE_FIELD, withCarriedContext } from "@/lib/tracing/trace-context";

export type TRunJourneyDeps = {
  /**
   * The stored plan of that journey version and its workspace's zone. Versions are immutable, so this
   * read happens outside steps (on every invocation) instead of copying the plan into step state.
   */
  loadJourney(ref: {
    journeyId: string;
    version: number;
  }): Promise<{ plan: TPlan; workspaceId: string; defaultTimeZone: string }>;
  effectsFor(ctx: { workspaceId: string; journeyId: string; version: number }): JourneyEffects;
  /** Per-node progress for the canvas counts; called again on replays, so it must be idempotent. */
  recordProgress?(entryId: string, entry: TPathEntry, next: string | null): Promise<void>;
  /** The run's end, recorded once in its own step. */
  finishEntry?(entryId: string, result: TJourneyResult): Promise<void>;
};

/**
 * Runs one contact through one journey version. Concurrency is one run per contact (across journeys)
 * so two journeys cannot both pass a contact's frequency cap at once; sleeping and waiting runs hold
 * no slot. Stopping a journey cancels every run of it.
 */
export function createRunJourney(deps: TRunJourneyDeps, client: typeof inngest = inngest) {
  return client.createFunction(
    {
      id: "run-journey",
      triggers: [{ event: JOURNEY_CONTACT_ENTERED }],
      concurrency: [{ key: "event.data.contactId", limit: 1 }],
      cancelOn: [{ event: JOURNEY_STOPPED, if: "async.data.journeyId == event.data.journeyId" }],
    },
    async ({ event, step }) => {
      const { [TRACE_FIELD]: trace, ...data } = ZJourneyContactEntered.parse(event.data);
      // The run continues the trace that made the entry (the ingested event, the entry router):
      // each step is a span of it (inngest-step-port.ts), with its provider call inside.
      return withCarriedContext(trace, () => interpret(data, step));
    },
  );

  async function interpret(
    data: Omit<TJourneyContactEntered, typeof TRACE_FIELD>,
    step: TInngestStep,
  ): Promise<TJourneyResult> {
    const { plan, workspaceId, defaultTimeZone } = await deps.loadJourney(data);
    const effects = deps.effectsFor({
      workspaceId,
      journeyId: data.journeyId,
      version: data.version,
    });
    const onNode = deps.recordProgress
      ? (entry: TPathEntry, next: string | null) => deps.recordProgress!(data.entryId, entry, next)
      : undefined;
    const result = await interpretJourney(
      plan,
      { ...data, defaultTimeZone },
      inngestStepPort(step),
      effects,
      { onNode },
    );
    if (deps.finishEntry)
      await step.run("journey:finish", () => deps.finishEntry!(data.entryId, result));
    return result;
  }
}
