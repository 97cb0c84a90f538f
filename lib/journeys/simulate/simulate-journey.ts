import type { TPlan } from "../compile/compile-journey";
import {
  interpretJourney,
  type TJourneyResult,
  type TJourneyRun,
  type TPathEntry,
} from "../interpret/interpret-journey";
import type { TJourneyContact } from "../interpret/journey-effects";
import { FakeStepPort } from "../testing/fake-step-port";
import { createMemoryEffects, emptyWorld, scriptFromWorld } from "../testing/memory-effects";

export type TSimulateInput = {
  plan: TPlan;
  journeyId?: string;
  version?: number;
  contact: TJourneyContact;
  /** Segments the contact is in (for the whole simulation). */
  segmentIds?: string[];
  /** The contact's events: past ones for "did event" branches, future ones ("what if they buy on day 2") for waits and goals. */
  events?: { name: string; properties?: Record<string, unknown>; at: Date | string }[];
  /** Assumed engagement with each send node's message. */
  engagement?: Record<string, { opened?: boolean; clicked?: boolean; replied?: boolean }>;
  /** Messages the contact already got (any journey), for the frequency cap. */
  earlierMessages?: (Date | string)[];
  startAt: Date;
  defaultTimeZone?: string;
};

export type TSimulatedStep = TPathEntry & { at: string };
export type TSimulation = {
  path: TSimulatedStep[];
  /** What would have been sent, when, and on which node; nothing is sent. */
  messages: { nodeId: string; channel: string; templateId: string; at: string }[];
  updates: { attribute: string; value: unknown; at: string }[];
  webhooks: { nodeId: string; url: string; method: string; at: string }[];
  exit: TJourneyResult["exit"];
  converted: boolean;
  endedAt: string;
};

const SIM_RUN = "simulation";

/**
 * "Test on a contact": runs the real interpreter over the fake port (waits fast-forward on a
 * virtual clock) and in-memory effects built from the caller's snapshot. Pure: it reads nothing
 * but its input and sends nothing.
 */
export async function simulateJourney(input: TSimulateInput): Promise<TSimulation> {
  const world = emptyWorld();
  world.contacts.set(input.contact.id, structuredClone(input.contact));
  for (const s of input.segmentIds ?? []) world.segments.set(s, new Set([input.contact.id]));
  world.events = (input.events ?? []).map((e) => ({
    contactId: input.contact.id,
    name: e.name,
    properties: e.properties ?? {},
    at: new Date(e.at),
  }));
  for (const [nodeId, e] of Object.entries(input.engagement ?? {})) {
    world.engagement.set(`${SIM_RUN}:${nodeId}`, {
      opened: !!e.opened,
      clicked: !!e.clicked,
      replied: !!e.replied,
    });
  }
  world.earlierMessages = (input.earlierMessages ?? []).map((at) => ({
    contactId: input.contact.id,
    at: new Date(at),
  }));

  const run: TJourneyRun = {
    journeyId: input.journeyId ?? "simulation",
    version: input.version ?? 0,
    contactId: input.contact.id,
    entryId: SIM_RUN,
    defaultTimeZone: input.defaultTimeZone,
  };
  const port = new FakeStepPort(input.startAt, { data: { ...run } }, scriptFromWorld(world));
  const { effects, messages, updates, webhooks } = createMemoryEffects(world, () => port.now());
  const path: TSimulatedStep[] = [];
  const result = await interpretJourney(input.plan, run, port, effects, {
    onNode: (e) => void path.push({ ...e, at: port.now().toISOString() }),
  });
  return {
    path,
    messages: messages.map((m) => ({
      nodeId: m.nodeId,
      channel: m.channel,
      templateId: m.templateId,
      at: m.at,
    })),
    updates: updates.map(({ attribute, value, at }) => ({ attribute, value, at })),
    webhooks: webhooks.map((w) => ({
      nodeId: w.idempotencyKey.slice(SIM_RUN.length + 1),
      url: w.url,
      method: w.method,
      at: w.at,
    })),
    exit: result.exit,
    converted: result.converted,
    endedAt: port.now().toISOString(),
  };
}
