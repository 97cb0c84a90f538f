/**
 * What the interpreter needs from a durable executor. Production binds it to Inngest's `step`
 * (inngest-step-port.ts); tests and "test on a contact" bind a fake with a virtual clock.
 *
 * Contract, as Inngest gives it: every call is memoized by its id, so ids must be unique within a
 * run and the same on every replay; `run` results go through JSON (return plain data, no Dates).
 */
export type TPortEvent = { name: string; data: Record<string, unknown>; ts?: number };

export interface StepPort {
  run<T>(id: string, fn: () => Promise<T> | T): Promise<T>;
  sleep(id: string, ms: number): Promise<void>;
  sleepUntil(id: string, date: Date): Promise<void>;
  /** Resolves with the first matching event, or null once `timeoutMs` has passed. `if` is the CEL subset of wait-for-event-filter.ts. */
  waitForEvent(
    id: string,
    opts: { event: string; timeoutMs: number; if?: string },
  ): Promise<TPortEvent | null>;
  sendEvent(id: string, payload: TPortEvent | TPortEvent[]): Promise<void>;
}

/**
 * How contact events reach Inngest, so durable waits can match them: one Inngest event per tracked
 * event, named after it, carrying the contact and its properties. The ingest pipeline must emit
 * exactly this shape for wait-for-event and goal exits to see events.
 */
export const contactEventName = (eventName: string) => `contact/${eventName}`;
export type TContactEventData = { contactId: string; properties: Record<string, unknown> };
