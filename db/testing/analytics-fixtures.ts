import { eq } from "drizzle-orm";
import { db } from "@/db";
import {
  contacts,
  journeyEntries,
  journeyNodeVisits,
  journeys,
  journeyVersions,
  messageEvents,
  messages,
  templates,
  workspaces,
  type TMessageEventType,
} from "@/db/schema";

/** Deterministic pseudo-random numbers (mulberry32), so a failing case can be replayed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function setWorkspaceZone(workspaceId: string, timezone: string) {
  await db().update(workspaces).set({ timezone }).where(eq(workspaces.id, workspaceId));
}

/** A plan in the stored shape (lib/journeys/compile/compile-journey.ts): trigger → A/B split → email per variant → holdout → SMS. */
export const JOURNEY_PLAN = {
  version: 1,
  trigger: { kind: "event", event: "signed_up", filters: [] },
  settings: {},
  entryStepId: "trigger",
  steps: {
    trigger: {
      stepId: "node:trigger",
      kind: "trigger",
      config: { kind: "event", event: "signed_up", filters: [] },
      next: { next: "split" },
    },
    split: {
      stepId: "node:split",
      kind: "ab_split",
      config: {
        variants: [
          { id: "A", label: "Short welcome", percent: 50 },
          { id: "B", label: "Long welcome", percent: 50 },
        ],
      },
      next: { A: "email_a", B: "email_b" },
    },
    email_a: {
      stepId: "node:email_a",
      kind: "send",
      config: { channel: "email", templateId: "" },
      next: { next: "hold" },
    },
    email_b: {
      stepId: "node:email_b",
      kind: "send",
      config: { channel: "email", templateId: "" },
      next: { next: "hold" },
    },
    hold: {
      stepId: "node:hold",
      kind: "holdout",
      config: { percent: 20 },
      next: { continue: "sms" },
    },
    sms: {
      stepId: "node:sms",
      kind: "send",
      config: { channel: "sms", templateId: "" },
      next: { next: "done" },
    },
    done: { stepId: "node:done", kind: "exit", config: {}, next: {} },
  },
};

/**
 * A believable slice of history in one workspace: a journey with an A/B split and a holdout,
 * `n` contacts entering it between `start` and `start + days`, the messages its send nodes sent with
 * their lifecycle events, test sends, and messages outside any journey. Times are spread over the
 * whole day so that zone bucketing matters.
 */
export async function insertAnalyticsHistory(
  workspaceId: string,
  opts: { seed: number; start: Date; days: number; n: number },
) {
  const rnd = prng(opts.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const at = (base: Date, maxHours: number) =>
    new Date(base.getTime() + Math.floor(rnd() * maxHours * 3600_000));
  const [tEmail] = await db()
    .insert(templates)
    .values({
      workspaceId,
      name: `Welcome ${opts.seed}`,
      channel: "email",
      draft: {},
      publishedVersion: 2,
    })
    .returning();
  const [tSms] = await db()
    .insert(templates)
    .values({
      workspaceId,
      name: `Nudge ${opts.seed}`,
      channel: "sms",
      draft: {},
      publishedVersion: 1,
    })
    .returning();
  const [journey] = await db()
    .insert(journeys)
    .values({
      workspaceId,
      name: `Onboarding ${opts.seed}`,
      status: "live",
      draftGraph: {},
      liveVersion: 1,
    })
    .returning();
  if (!tEmail || !tSms || !journey) throw new Error("fixture insert failed");
  await db().insert(journeyVersions).values({
    journeyId: journey.id,
    version: 1,
    workspaceId,
    graph: {},
    settings: {},
    plan: JOURNEY_PLAN,
  });
  const people = await db()
    .insert(contacts)
    .values(
      Array.from({ length: opts.n }, (_, i) => ({
        workspaceId,
        externalId: `u${opts.seed}-${i}`,
        email: `u${i}@example.com`,
      })),
    )
    .returning({ id: contacts.id });

  const msgRows: (typeof messages.$inferInsert)[] = [];
  const events: { messageIdx: number; type: TMessageEventType; occurredAt: Date }[] = [];
  const addMessage = (
    m: Omit<typeof messages.$inferInsert, "workspaceId" | "idempotencyKey" | "status">,
    start: Date,
  ) => {
    const idx =
      msgRows.push({
        ...m,
        workspaceId,
        idempotencyKey: `k${opts.seed}-${msgRows.length}`,
        status: "sent",
      }) - 1;
    // A message's life: sent, then maybe delivered/failed/bounced, opens (several), clicks, unsubscribe.
    const sent = at(start, 2);
    events.push(
      { messageIdx: idx, type: "queued", occurredAt: sent },
      { messageIdx: idx, type: "sent", occurredAt: sent },
    );
    const fate = rnd();
    if (fate < 0.05)
      return events.push({ messageIdx: idx, type: "failed", occurredAt: at(sent, 1) });
    if (fate < 0.1)
      return events.push({ messageIdx: idx, type: "bounced", occurredAt: at(sent, 1) });
    const delivered = at(sent, 3);
    events.push({ messageIdx: idx, type: "delivered", occurredAt: delivered });
    for (let o = 0; rnd() < (o === 0 ? 0.5 : 0.3) && o < 4; o++)
      events.push({ messageIdx: idx, type: "opened", occurredAt: at(delivered, 40) });
    if (rnd() < 0.2)
      events.push({ messageIdx: idx, type: "clicked", occurredAt: at(delivered, 48) });
    if (rnd() < 0.03)
      events.push({ messageIdx: idx, type: "unsubscribed", occurredAt: at(delivered, 60) });
  };

  const entryRows: (typeof journeyEntries.$inferInsert)[] = [];
  const visitRows: Omit<typeof journeyNodeVisits.$inferInsert, "entryId">[][] = [];
  for (const [i, c] of people.entries()) {
    const enteredAt = at(opts.start, opts.days * 24);
    const variant = rnd() < 0.5 ? "A" : "B";
    const held = rnd() < 0.2;
    const sendNode = variant === "A" ? "email_a" : "email_b";
    const visits = [
      { journeyId: journey.id, nodeId: "split", outcome: variant, passedAt: enteredAt },
    ];
    addMessage(
      {
        contactId: c.id,
        channel: "email",
        templateId: tEmail.id,
        templateVersion: variant === "A" ? 1 : 2,
        origin: {
          kind: "journey",
          journeyId: journey.id,
          version: 1,
          nodeId: sendNode,
          runId: `r${i}`,
        },
      },
      enteredAt,
    );
    visits.push({
      journeyId: journey.id,
      nodeId: sendNode,
      outcome: "sent",
      passedAt: at(enteredAt, 1),
    });
    const active = rnd() < 0.1;
    const holdAt = at(enteredAt, 30);
    let exitedAt: Date | null = null;
    let status: "active" | "completed" | "exited" = "active";
    let currentNodeId: string | null = "hold";
    let exitReason: string | null = null;
    if (!active) {
      visits.push({
        journeyId: journey.id,
        nodeId: "hold",
        outcome: held ? "held_out" : "continue",
        passedAt: holdAt,
      });
      if (held) [status, exitReason, exitedAt, currentNodeId] = ["exited", "holdout", holdAt, null];
      else {
        addMessage(
          {
            contactId: c.id,
            channel: "sms",
            templateId: tSms.id,
            templateVersion: 1,
            origin: {
              kind: "journey",
              journeyId: journey.id,
              version: 1,
              nodeId: "sms",
              runId: `r${i}`,
            },
          },
          holdAt,
        );
        visits.push({
          journeyId: journey.id,
          nodeId: "sms",
          outcome: "sent",
          passedAt: at(holdAt, 1),
        });
        [status, exitReason, exitedAt, currentNodeId] = [
          "completed",
          "completed",
          at(holdAt, 2),
          null,
        ];
      }
    }
    // B converts better than A; the holdout converts least.
    const convertRate = held ? 0.1 : variant === "B" ? 0.35 : 0.2;
    entryRows.push({
      workspaceId,
      journeyId: journey.id,
      version: 1,
      contactId: c.id,
      triggerKey: `t${i}`,
      status,
      currentNodeId,
      enteredAt,
      exitedAt,
      exitReason,
      converted: !active && rnd() < convertRate,
    });
    visitRows.push(visits);
  }
  // Sends outside any journey, and test sends that must never count.
  for (let i = 0; i < opts.n / 2; i++)
    addMessage(
      { channel: pick(["email", "sms", "push"] as const), origin: { kind: "campaign" } },
      at(opts.start, opts.days * 24),
    );
  for (let i = 0; i < 10; i++)
    addMessage(
      {
        channel: "email",
        templateId: tEmail.id,
        templateVersion: 2,
        origin: { kind: "test" },
        isTest: true,
      },
      at(opts.start, opts.days * 24),
    );

  const entries = await db()
    .insert(journeyEntries)
    .values(entryRows)
    .returning({ id: journeyEntries.id });
  await db()
    .insert(journeyNodeVisits)
    .values(entries.flatMap((e, i) => (visitRows[i] ?? []).map((v) => ({ ...v, entryId: e.id }))));
  const inserted = await db().insert(messages).values(msgRows).returning({ id: messages.id });
  // Events arrive in time order, as they would.
  events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  for (let i = 0; i < events.length; i += 1000) {
    await db()
      .insert(messageEvents)
      .values(
        events.slice(i, i + 1000).map((e) => ({
          workspaceId,
          messageId: inserted[e.messageIdx]!.id,
          type: e.type,
          occurredAt: e.occurredAt,
        })),
      );
  }
  return {
    journeyId: journey.id,
    templateIds: [tEmail.id, tSms.id],
    messageIds: inserted.map((m) => m.id),
  };
}
