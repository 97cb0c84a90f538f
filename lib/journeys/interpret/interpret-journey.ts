import type { TPlan, TPlanStep } from "../compile/compile-journey";
import { equalityAsPropertyFilter, evaluateCondition } from "./evaluate-condition";
import type { JourneyEffects, TJourneyContact, TSendResult } from "./journey-effects";
import { dateAttributeTarget, nextLocalTime, quietHoursEnd, zoneFor } from "./local-time";
import type { TNodeKind } from "../graph/node-data";
import { pickByPercent, stableBucket, BUCKETS } from "./stable-bucket";
import type { StepPort } from "./step-port";
import { buildWaitForEventFilter } from "./wait-for-event-filter";
import { waitForEventNode } from "./wait-for-event-node";
import { UNIT_MS } from "./duration-units";

export type TJourneyRun = {
  journeyId: string;
  version: number;
  contactId: string;
  /** One entry of one contact; also the run id in message idempotency keys. */
  entryId: string;
  /** The workspace's zone, for contacts without one. */
  defaultTimeZone?: string;
};
export type TPathEntry = {
  nodeId: string;
  kind: TNodeKind;
  outcome: string;
  detail?: Record<string, unknown>;
};
export type TExitReason = "completed" | "exit_node" | "holdout" | "goal" | "contact_missing";
export type TJourneyResult = {
  path: TPathEntry[];
  exit: { reason: TExitReason; nodeId?: string };
  converted: boolean;
};
/** `onNode` is awaited: the app records per-node progress there (idempotently: replays call it again). */
export type TInterpretOptions = {
  onNode?: (entry: TPathEntry, next: string | null) => void | Promise<void>;
};

export type Ctx = {
  plan: TPlan;
  run: TJourneyRun;
  port: StepPort;
  effects: JourneyEffects;
  enteredAt: Date;
  fallbackZone: string;
};
export type NodeResult = { outcome: string; detail?: Record<string, unknown>; exit?: TExitReason };

/**
 * Walks a plan for one contact. Deterministic on replay: every read and side effect is inside
 * `port.run`, durable waits go through the port, and splits hash (contact, node), so Inngest can
 * re-run this function from the top any number of times and take the same path.
 */
export async function interpretJourney(
  plan: TPlan,
  run: TJourneyRun,
  port: StepPort,
  effects: JourneyEffects,
  options: TInterpretOptions = {},
): Promise<TJourneyResult> {
  const start = await port.run("journey:start", async () => ({
    at: effects.now().getTime(),
    exists: (await effects.loadContact(run.contactId)) !== null,
  }));
  const ctx: Ctx = {
    plan,
    run,
    port,
    effects,
    enteredAt: new Date(start.at),
    fallbackZone: plan.settings.quietHours?.fallbackTimeZone ?? run.defaultTimeZone ?? "UTC",
  };
  const path: TPathEntry[] = [];
  let exit: TJourneyResult["exit"] = { reason: "contact_missing" };
  let nodeId: string | undefined = start.exists ? plan.entryStepId : undefined;
  while (nodeId !== undefined) {
    const step = plan.steps[nodeId];
    if (!step) throw new Error(`plan has no step ${nodeId}`);
    // A validated plan is acyclic; a stored one that is not must fail loudly, not loop forever.
    if (path.length > Object.keys(plan.steps).length) throw new Error("plan loops");
    const r = await runNode(step, nodeId, ctx);
    const entry: TPathEntry = {
      nodeId,
      kind: step.kind,
      outcome: r.outcome,
      ...(r.detail ? { detail: r.detail } : {}),
    };
    path.push(entry);
    const next: string | undefined = step.next[r.outcome];
    await options.onNode?.(entry, r.exit ? null : (next ?? null));
    if (r.exit || next === undefined) {
      exit = { reason: r.exit ?? "completed", nodeId };
      break;
    }
    nodeId = next;
  }
  let converted = exit.reason === "goal";
  const goal = plan.settings.goal;
  if (goal && !converted && start.exists) {
    converted = await port.run("journey:goal", () =>
      effects.didEvent(run.contactId, {
        event: goal.event,
        filters: goal.filters.map(equalityAsPropertyFilter),
        since: ctx.enteredAt,
      }),
    );
  }
  await port.announceExit("journey:exited", {
    journeyId: run.journeyId,
    version: run.version,
    contactId: run.contactId,
    entryId: run.entryId,
    reason: exit.reason,
    converted,
  });
  return { path, exit, converted };
}

const goalExit = (ctx: Ctx) => (ctx.plan.settings.goal?.exitOnGoal ? ctx.plan.settings.goal : null);

/** A durable wait; with "exit on goal" it is a wait for the goal event that times out when the wait is over. */
async function waitFor(ctx: Ctx, id: string, ms: number): Promise<"goal" | "waited"> {
  const goal = goalExit(ctx);
  if (!goal) {
    await ctx.port.sleep(id, ms);
    return "waited";
  }
  const ev = await ctx.port.waitForEvent(id, {
    event: goal.event,
    timeoutMs: ms,
    if: buildWaitForEventFilter(goal.filters),
  });
  return ev ? "goal" : "waited";
}

/** Waits until a computed instant: the instant and "now" come from one memoized step, so replays agree. */
async function waitUntilComputed(
  ctx: Ctx,
  id: string,
  compute: (now: Date, zone: string, contact: TJourneyContact | null) => Date | null,
): Promise<NodeResult> {
  const t = await ctx.port.run(`${id}:until`, async () => {
    const now = ctx.effects.now();
    const contact = await ctx.effects.loadContact(ctx.run.contactId);
    const until = compute(now, zoneFor(contact?.timezone, ctx.fallbackZone), contact);
    return { now: now.getTime(), until: until ? until.getTime() : null };
  });
  if (t.until === null) return { outcome: "next", detail: { skipped: "no_date" } };
  if (t.until <= t.now)
    return {
      outcome: "next",
      detail: { skipped: "in_the_past", until: new Date(t.until).toISOString() },
    };
  if (!goalExit(ctx)) {
    await ctx.port.sleepUntil(id, new Date(t.until));
    return { outcome: "next", detail: { until: new Date(t.until).toISOString() } };
  }
  const r = await waitFor(ctx, id, t.until - t.now);
  return r === "goal"
    ? { outcome: "goal", exit: "goal" }
    : { outcome: "next", detail: { until: new Date(t.until).toISOString() } };
}

async function runNode(step: TPlanStep, nodeId: string, ctx: Ctx): Promise<NodeResult> {
  const { port, effects, run } = ctx;
  const id = step.stepId;
  const judge = (now: Date) => ({
    contactId: run.contactId,
    runId: run.entryId,
    enteredAt: ctx.enteredAt,
    now,
    effects,
  });
  switch (step.kind) {
    case "trigger":
      return { outcome: "next" };
    case "wait": {
      const c = step.config;
      if (c.kind === "duration") {
        const r = await waitFor(ctx, id, c.amount * UNIT_MS[c.unit]);
        return r === "goal" ? { outcome: "goal", exit: "goal" } : { outcome: "next" };
      }
      if (c.kind === "until_datetime") return waitUntilComputed(ctx, id, () => new Date(c.at));
      if (c.kind === "until_time_of_day")
        return waitUntilComputed(ctx, id, (now, zone) => nextLocalTime(now, c.time, zone));
      return waitUntilComputed(ctx, id, (now, zone, contact) =>
        dateAttributeTarget(contact?.attributes[c.attribute], c, zone, now),
      );
    }
    case "wait_for_event": {
      const r = await waitForEventNode(step, ctx);
      const goal = goalExit(ctx);
      if (
        goal &&
        (await port.run(`${id}:goal`, () =>
          effects.didEvent(run.contactId, {
            event: goal.event,
            filters: goal.filters.map(equalityAsPropertyFilter),
            since: ctx.enteredAt,
          }),
        ))
      ) {
        return { outcome: "goal", exit: "goal" };
      }
      return r;
    }
    case "branch": {
      const c = step.config.condition;
      return {
        outcome: await port.run(id, async () =>
          (await evaluateCondition(c, judge(effects.now()))) ? "yes" : "no",
        ),
      };
    }
    case "multi_branch": {
      const cases = step.config.cases;
      return {
        outcome: await port.run(id, async () => {
          const now = effects.now();
          for (const c of cases) if (await evaluateCondition(c.condition, judge(now))) return c.id;
          return "else";
        }),
      };
    }
    case "ab_split": {
      const bucket = stableBucket(run.contactId, nodeId);
      return { outcome: pickByPercent(bucket, step.config.variants).id, detail: { bucket } };
    }
    case "holdout": {
      const bucket = stableBucket(run.contactId, nodeId);
      return bucket < step.config.percent * (BUCKETS / 100)
        ? { outcome: "held_out", exit: "holdout", detail: { bucket } }
        : { outcome: "continue", detail: { bucket } };
    }
    case "send":
      return runSend(step, nodeId, ctx);
    case "update_contact": {
      const c = step.config;
      await port.run(id, () => effects.updateContact(run.contactId, c.attribute, c.value));
      return { outcome: "next" };
    }
    case "webhook": {
      const c = step.config;
      const r = await port.run(id, () =>
        effects.callWebhook({
          idempotencyKey: `${run.entryId}:${nodeId}`,
          url: c.url,
          method: c.method,
          headers: c.headers,
          body: c.body,
          contactId: run.contactId,
        }),
      );
      return {
        outcome: "next",
        detail: { status: r.status, ...(r.error ? { error: r.error } : {}) },
      };
    }
    case "exit":
      return { outcome: "exit", exit: "exit_node" };
  }
}

/**
 * Quiet hours first (a durable wait until they end in the contact's zone, re-read after waking), then
 * one step that checks the goal and the frequency cap and sends, so the checks and the send are
 * memoized together and a replay never re-decides.
 */
async function runSend(
  step: Extract<TPlanStep, { kind: "send" }>,
  nodeId: string,
  ctx: Ctx,
): Promise<NodeResult> {
  const { port, effects, run, plan } = ctx;
  const quiet = plan.settings.quietHours;
  let delayedUntil: string | undefined;
  if (quiet) {
    const r = await waitUntilComputed(ctx, `${step.stepId}:quiet`, (now, zone) =>
      quietHoursEnd(now, quiet, zone),
    );
    if (r.exit) return r;
    delayedUntil = r.detail?.until as string | undefined;
  }
  const goal = goalExit(ctx);
  const cap = plan.settings.frequencyCap;
  const result: TSendResult = await port.run(step.stepId, async () => {
    if (
      goal &&
      (await effects.didEvent(run.contactId, {
        event: goal.event,
        filters: goal.filters.map(equalityAsPropertyFilter),
        since: ctx.enteredAt,
      }))
    ) {
      return { status: "skipped", reason: "goal" };
    }
    if (cap) {
      const contact = await effects.loadContact(run.contactId);
      const sent = await effects.countMessagesToday(
        run.contactId,
        zoneFor(contact?.timezone, ctx.fallbackZone),
      );
      if (sent >= cap.maxPerDay) return { status: "skipped", reason: "frequency_cap" };
    }
    return effects.sendMessage({
      idempotencyKey: `${run.entryId}:${nodeId}`,
      runId: run.entryId,
      journeyId: run.journeyId,
      version: run.version,
      nodeId,
      contactId: run.contactId,
      channel: step.config.channel,
      templateId: step.config.templateId,
    });
  });
  if (result.reason === "goal" && result.status === "skipped")
    return { outcome: "goal", exit: "goal" };
  return { outcome: "next", detail: { ...result, ...(delayedUntil ? { delayedUntil } : {}) } };
}
