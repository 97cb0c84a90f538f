import type { StepPort, TJourneyExit, TPortEvent } from "../interpret/step-port";
import { evaluateCelSubset } from "../interpret/wait-for-event-filter";

/** A tracked event (by its name as tracked) that "arrives" at a virtual instant, for waits to catch. */
export type TScriptedEvent = { at: Date; name: string; data: Record<string, unknown> };
export type TPortCall = {
  kind: "run" | "sleep" | "sleepUntil" | "waitForEvent" | "announceExit";
  id: string;
  at: Date;
  detail?: unknown;
};

/**
 * A StepPort with a virtual clock: sleeps move the clock instantly; a wait for an event jumps to the
 * first scripted event that matches (name, time window and the CEL `if`, evaluated against the
 * trigger event), or to its timeout. Run results go through JSON as Inngest's do, and a repeated
 * step id fails, so tests catch what production would get wrong.
 */
export class FakeStepPort implements StepPort {
  clock: number;
  readonly calls: TPortCall[] = [];
  readonly exits: TJourneyExit[] = [];
  private readonly ids = new Set<string>();
  /** An event resolves one wait: the next wait starts after it, as on Inngest. */
  private readonly consumed = new Set<TScriptedEvent>();

  constructor(
    start: Date,
    readonly trigger: { data: Record<string, unknown> },
    readonly script: TScriptedEvent[] = [],
  ) {
    this.clock = start.getTime();
  }

  now(): Date {
    return new Date(this.clock);
  }

  private record(kind: TPortCall["kind"], id: string, detail?: unknown) {
    if (this.ids.has(id)) throw new Error(`step id "${id}" used twice in one run`);
    this.ids.add(id);
    this.calls.push({ kind, id, at: this.now(), ...(detail === undefined ? {} : { detail }) });
  }

  async run<T>(id: string, fn: () => Promise<T> | T): Promise<T> {
    this.record("run", id);
    const value = await fn();
    return (value === undefined ? null : JSON.parse(JSON.stringify(value))) as T;
  }

  async sleep(id: string, ms: number): Promise<void> {
    this.record("sleep", id, { ms });
    this.clock += Math.max(ms, 0);
  }

  async sleepUntil(id: string, date: Date): Promise<void> {
    this.record("sleepUntil", id, { until: date.toISOString() });
    this.clock = Math.max(this.clock, date.getTime());
  }

  async waitForEvent(
    id: string,
    opts: { event: string; timeoutMs: number; if?: string },
  ): Promise<TPortEvent | null> {
    this.record("waitForEvent", id, opts);
    const from = this.clock;
    const deadline = from + opts.timeoutMs;
    const hit = this.script
      .filter((e) => !this.consumed.has(e))
      .filter((e) => e.name === opts.event && e.at.getTime() >= from && e.at.getTime() <= deadline)
      .filter((e) => !opts.if || evaluateCelSubset(opts.if, this.trigger, e))
      .sort((a, b) => a.at.getTime() - b.at.getTime())[0];
    this.clock = hit ? hit.at.getTime() : deadline;
    if (hit) this.consumed.add(hit);
    return hit ? { name: hit.name, data: hit.data, ts: hit.at.getTime() } : null;
  }

  async announceExit(id: string, exit: TJourneyExit): Promise<void> {
    this.record("announceExit", id);
    this.exits.push(exit);
  }
}
