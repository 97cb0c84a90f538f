import type { GetStepTools } from "inngest";
import type { inngest } from "@/inngest/client";
import type { StepPort, TPortEvent } from "@/lib/journeys/interpret/step-port";
import { inSpan } from "@/lib/tracing/in-span";
import { bindToActiveContext } from "@/lib/tracing/trace-context";
import { contactEventName, JOURNEY_CONTACT_EXITED, ZJourneyContactExited } from "./events";

export type TInngestStep = Pick<
  GetStepTools<typeof inngest>,
  "run" | "sleep" | "sleepUntil" | "waitForEvent" | "sendEvent"
>;

/** A durable wait shorter than a second is rounded up to one by Inngest anyway; say so explicitly. */
const MIN_WAIT_MS = 1000;

/**
 * StepPort over Inngest's step tools (inngest 4.24). Results of `run` come back JSON-serialised on
 * replay; the interpreter only returns plain data from its steps, so the cast below is honest.
 * Event names come from the registry (events.ts): the interpreter speaks of tracked events and
 * exits, Inngest of `contact/<name>` and `journey/contact.exited`.
 */
export function inngestStepPort(step: TInngestStep): StepPort {
  return {
    // Each step's work is a span (a send holds its provider call) in the run's carried trace,
    // whatever context the SDK calls it from.
    run: <T>(id: string, fn: () => Promise<T> | T) =>
      step.run(
        id,
        bindToActiveContext(() =>
          inSpan("waymark.journey.step", { "waymark.step": id }, async () => fn()),
        ),
      ) as Promise<T>,
    sleep: (id, ms) => step.sleep(id, Math.max(ms, MIN_WAIT_MS)),
    sleepUntil: (id, date) => step.sleepUntil(id, date),
    async waitForEvent(id, opts): Promise<TPortEvent | null> {
      const timeout = Math.max(opts.timeoutMs, MIN_WAIT_MS);
      const event = contactEventName(opts.event);
      const ev = await step.waitForEvent(
        id,
        opts.if ? { event, timeout, if: opts.if } : { event, timeout },
      );
      return ev ? { name: ev.name, data: ev.data as Record<string, unknown>, ts: ev.ts } : null;
    },
    async announceExit(id, exit) {
      await step.sendEvent(id, {
        name: JOURNEY_CONTACT_EXITED,
        data: ZJourneyContactExited.parse(exit),
      });
    },
  };
}
