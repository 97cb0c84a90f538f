/**
 * Interpreter overhead per node: many contacts through a journey with every node kind, quiet hours,
 * a frequency cap and a goal, on the fake step port with in-memory effects (no I/O), so the figure
 * is the interpreter's own cost. Also run the way Inngest runs it, re-executed from the top after
 * every new step with memoized results, which is what production pays per invocation.
 *
 *   npx tsx bench/journey-interpreter.ts [contacts]
 */
import { interpretJourney } from "@/lib/journeys/interpret/interpret-journey";
import { FakeStepPort } from "@/lib/journeys/testing/fake-step-port";
import { everyKindGraph, SEGMENT_ID } from "@/lib/journeys/testing/graph-fixtures";
import { contact, planOf } from "@/lib/journeys/testing/journey-harness";
import {
  createMemoryEffects,
  emptyWorld,
  scriptFromWorld,
} from "@/lib/journeys/testing/memory-effects";
import { runWithReplays } from "@/lib/journeys/testing/replay-step-port";

const START = new Date("2026-06-10T20:30:00Z");
const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", null];

const plan = planOf(everyKindGraph(), {
  quietHours: { start: "22:00", end: "08:00" },
  frequencyCap: { maxPerDay: 3 },
  goal: { event: "upgraded", exitOnGoal: true },
});

/** A varied world per contact: some buy, some open, some are in the segment, so every path is walked. */
function worldFor(i: number) {
  const id = `bench-${i}`;
  const world = emptyWorld();
  world.contacts.set(
    id,
    contact(id, {
      timezone: ZONES[i % ZONES.length]!,
      attributes: { plan: i % 3 === 0 ? "pro" : "free" },
    }),
  );
  if (i % 5 === 0) world.segments.set(SEGMENT_ID, new Set([id]));
  if (i % 4 === 0)
    world.events.push({
      contactId: id,
      name: "purchased",
      properties: { plan: "pro" },
      at: new Date(START.getTime() + 36 * 3600_000),
    });
  if (i % 7 === 0)
    world.events.push({
      contactId: id,
      name: "upgraded",
      properties: {},
      at: new Date(START.getTime() + 6 * 3600_000),
    });
  if (i % 2 === 0)
    world.engagement.set(`e-${id}:s1`, { opened: true, clicked: false, replied: false });
  return { id, world };
}

async function measure(contacts: number, replays: boolean) {
  let nodes = 0;
  let steps = 0;
  const t0 = performance.now();
  for (let i = 0; i < contacts; i++) {
    const { id, world } = worldFor(i);
    const run = { journeyId: "bench", version: 1, contactId: id, entryId: `e-${id}` };
    const port = new FakeStepPort(START, { data: { ...run } }, scriptFromWorld(world));
    const { effects } = createMemoryEffects(world, () => port.now());
    const result = replays
      ? (await runWithReplays(port, (p) => interpretJourney(plan, run, p, effects))).result
      : await interpretJourney(plan, run, port, effects);
    nodes += result.path.length;
    steps += port.calls.length;
  }
  return { ms: performance.now() - t0, nodes, steps };
}

async function main() {
  const contacts = Number(process.argv[2] ?? 20_000);
  await measure(500, false); // warm up the JIT
  console.info(
    `[bench] ${contacts.toLocaleString("en-US")} contacts through a ${Object.keys(plan.steps).length}-node journey on the fake port`,
  );
  console.info("| Mode | contacts/s | nodes | µs per node | steps per contact |");
  console.info("| --- | ---: | ---: | ---: | ---: |");
  for (const replays of [false, true]) {
    const r = await measure(contacts, replays);
    const perNode = (r.ms * 1000) / r.nodes;
    console.info(
      `| ${replays ? "replayed from the top per step (as Inngest runs it)" : "straight through"} | ${Math.round(contacts / (r.ms / 1000)).toLocaleString("en-US")} | ${r.nodes.toLocaleString("en-US")} | ${perNode.toFixed(1)} | ${(r.steps / contacts).toFixed(1)} |`,
    );
    if (perNode >= 1000) {
      console.error(`[bench] over the goal: ${perNode.toFixed(1)} µs per node (goal < 1 ms)`);
      process.exitCode = 1;
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
