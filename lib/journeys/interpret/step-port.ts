/**
 * What the interpreter needs from a durable executor. Production binds it to Inngest's `step`
 * (inngest/inngest-step-port.ts, which names the executor's events from inngest/events.ts);
 * tests and "test on a contact" bind a fake with a virtual clock.
 *
 * Contract, as Inngest gives it: every call is memoized by its id, so ids must be unique within a
 * run and the same on every replay; `run` results go through JSON (return plain data, no Dates).
 */
export type TPortEvent = { name: string; data: Record<string, unknown>; ts?: number };

/** How a run ended, announced as its last step. */
export type TJourneyExit = {
  journeyId: string;
  version: number;
  contactId: string;
  entryId: string;
  reason: string;
  converted: boolean;
};

export interface StepPort {
  run<T>(id: string, fn: () => Promise<T> | T): Promise<T>;
  sleep(id: string, ms: number): Promise<void>;
  sleepUntil(id: string, date: Date): Promise<void>;
  /**
   * Resolves with the first matching tracked event of the contact (`event` is its name as tracked,
   * e.g. "Order Completed"; its data is `{ contactId, properties }`), or null once `timeoutMs` has
   * passed.
   * `if` is the CEL subset of wait-for-event-filter.ts.
   */
  waitForEvent(
    id: string,
    opts: { event: string; timeoutMs: number; if?: string },
  ): Promise<TPortEvent | null>;
  /** Tells the executor the run has ended (on Inngest: a `journey/contact.exited` event). */
  announceExit(id: string, exit: TJourneyExit): Promise<void>;
}
