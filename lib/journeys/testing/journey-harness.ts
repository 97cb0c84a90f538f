import { compileJourney, type TPlan } from "../compile/compile-journey";
import type { TDraftGraph } from "../graph/graph-schema";
import { interpretJourney, type TJourneyRun } from "../interpret/interpret-journey";
import type { TJourneyContact } from "../interpret/journey-effects";
import { ZJourneySettings } from "../graph/journey-settings";
import { validateGraph } from "../graph/validate-graph";
import { FakeStepPort } from "./fake-step-port";
import { VALIDATE_CTX } from "./graph-fixtures";
import {
  createMemoryEffects,
  emptyWorld,
  scriptFromWorld,
  type TMemoryWorld,
} from "./memory-effects";

export function planOf(graph: TDraftGraph, settings: unknown = {}): TPlan {
  const r = validateGraph(graph, VALIDATE_CTX);
  if (!r.ok) throw new Error(`invalid test graph: ${JSON.stringify(r.errors)}`);
  return compileJourney(r.graph, ZJourneySettings.parse(settings));
}

export const contact = (id: string, over: Partial<TJourneyContact> = {}): TJourneyContact => ({
  id,
  email: `${id}@example.test`,
  timezone: null,
  attributes: {},
  ...over,
});

/** Runs one contact through a plan on the fake port, in a world the test prepared. */
export async function runOne(
  plan: TPlan,
  opts: {
    contactId: string;
    start: Date;
    world?: TMemoryWorld;
    entryId?: string;
    defaultTimeZone?: string;
  },
) {
  const world = opts.world ?? emptyWorld();
  if (!world.contacts.has(opts.contactId))
    world.contacts.set(opts.contactId, contact(opts.contactId));
  const run: TJourneyRun = {
    journeyId: "j1",
    version: 1,
    contactId: opts.contactId,
    entryId: opts.entryId ?? `e-${opts.contactId}`,
    defaultTimeZone: opts.defaultTimeZone,
  };
  const port = new FakeStepPort(opts.start, { data: { ...run } }, scriptFromWorld(world));
  const mem = createMemoryEffects(world, () => port.now());
  const result = await interpretJourney(plan, run, port, mem.effects);
  return {
    ...result,
    ...mem,
    port,
    world,
    run,
    outcomes: result.path.map((p) => `${p.nodeId}:${p.outcome}`),
  };
}
