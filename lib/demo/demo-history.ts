import { db } from "@/db";
import { upsertSegmentSnapshots } from "@/db/queries/analytics-rollups";
import {
  findJourneyByName,
  insertContactsReturning,
  insertJourneyHistory,
  journeyHasEntries,
  type TJourneyHistory,
} from "@/db/queries/demo-seed";
import { findJourneyVersionAnyWorkspace } from "@/db/queries/journeys";
import { listSegmentRefs } from "@/db/queries/segments";
import { findWorkspaceById } from "@/db/queries/workspaces";
import type { TMessageEventType } from "@/db/schema";
import { addDays, todayIn } from "@/lib/analytics/date-range";
import { segmentSizes } from "@/lib/segments/segment-sizes";
import { seededRandom } from "@/lib/random/seeded-random";
import { refreshRollups } from "@/lib/analytics/refresh-rollups";

const HISTORY_CONTACTS = 1500;
export const DEMO_SENDING_DOMAIN = "mail.acme.example";
const DAY = 86_400_000;
const HOUR = 3_600_000;

type TSend = { channel: "email" | "sms" | "push"; templateId: string | null; provider: string };

/**
 * Thirty days of the Welcome journey having run, for the dashboards: shoppers who signed up,
 * entered, were held out or welcomed, bought or got the A/B follow-up, with each message's
 * delivery, opens, clicks, bounces and opt-outs. The A variant (SMS coupon) converts better than
 * B (push guide), and the treated better than the holdout. Once: skipped when the journey has entries.
 */
export async function seedDemoHistory(workspaceId: string, now = new Date()) {
  const journey = await findJourneyByName(workspaceId, "Welcome journey");
  if (!journey?.liveVersion) return;
  if (await journeyHasEntries(journey.id)) return;
  const version = await findJourneyVersionAnyWorkspace(journey.id, journey.liveVersion);
  const steps =
    (version?.plan as { steps?: Record<string, { config?: { templateId?: string } }> } | undefined)
      ?.steps ?? {};
  const send = (nodeId: string, channel: TSend["channel"], provider: string): TSend => ({
    channel,
    provider,
    templateId: steps[nodeId]?.config?.templateId || null,
  });
  const welcome = send("welcome", "email", "smtp");
  const coupon = send("coupon", "sms", "twilio");
  const guide = send("guide", "push", "fcm");

  const r = seededRandom(42);
  // Everything at least a day old, so the newest rows of the message log stay the live ones.
  const start = now.getTime() - 30 * DAY;
  const span = 29 * DAY;
  const plans: string[] = [];
  const people = await insertContactsReturning(
    Array.from({ length: HISTORY_CONTACTS }, (_, i) => ({
      workspaceId,
      externalId: `demo-shopper-${String(i + 1).padStart(4, "0")}`,
      email: `shopper${i + 1}@example.com`,
      phone: `+1555${String(1_000_000 + i).slice(1)}`,
      attributes: { plan: (plans[i] = r() < 0.3 ? "pro" : "free") },
      createdAt: new Date(start + (span * i) / HISTORY_CONTACTS),
    })),
  );

  const msgRows: TJourneyHistory["messages"] = [];
  const eventRows: TJourneyHistory["events"] = [];
  const entryRows: TJourneyHistory["entries"] = [];
  const visits: TJourneyHistory["visits"] = [];
  const sendMessage = (s: TSend, contactId: string, nodeId: string, t: number, entry: number) => {
    const i =
      msgRows.push({
        workspaceId,
        contactId,
        idempotencyKey: `demo-history:${entry}:${nodeId}`,
        channel: s.channel,
        provider: s.provider,
        templateId: s.templateId,
        templateVersion: s.templateId ? 1 : null,
        origin: {
          kind: "journey",
          journeyId: journey.id,
          version: journey.liveVersion,
          nodeId,
          runId: `demo-history-${entry}`,
        },
        status: "delivered",
        createdAt: new Date(t),
        sentAt: new Date(t + 2000),
        // The From domain the demo's mail goes out from, for the per-domain sender health.
        sendingDomain: s.channel === "email" ? DEMO_SENDING_DOMAIN : null,
      }) - 1;
    const ev = (type: TMessageEventType, at: number) =>
      eventRows.push({ i, type, at: new Date(Math.min(at, now.getTime() - DAY)) });
    ev("queued", t);
    ev("sent", t + 2000);
    const fate = r();
    const [bounce, fail] =
      s.channel === "email" ? [0.03, 0.01] : s.channel === "sms" ? [0, 0.04] : [0, 0.08];
    if (fate < bounce) return ev("bounced", t + 60_000);
    if (fate < bounce + fail) return ev("failed", t + 30_000);
    ev("delivered", t + 20_000 + r() * 60_000);
    const [open, click] =
      s.channel === "email" ? [0.45, 0.12] : s.channel === "push" ? [0.25, 0.08] : [0, 0.15];
    const opened = r() < open;
    if (opened)
      for (let k = 0; k < 1 + Math.floor(r() * 3); k++) ev("opened", t + HOUR * (0.2 + r() * 30));
    // Clicks come from those who opened (an SMS has no open: its link is clicked straight from the text).
    if (s.channel === "sms" ? r() < click : opened && r() < click / open)
      ev("clicked", t + HOUR * (0.5 + r() * 30));
    if (r() < 0.008) ev("unsubscribed", t + HOUR * (1 + r() * 40));
  };

  for (const [n, c] of people.entries()) {
    const entered = c.createdAt.getTime() + r() * 2 * HOUR;
    const path: { nodeId: string; outcome: string; passedAt: Date }[] = [];
    const pass = (nodeId: string, outcome: string, t: number) =>
      path.push({ nodeId, outcome, passedAt: new Date(t) });
    const entry: TJourneyHistory["entries"][number] = {
      workspaceId,
      journeyId: journey.id,
      version: journey.liveVersion,
      contactId: c.id,
      triggerKey: `demo-history-${n}`,
      enteredAt: new Date(entered),
      status: "completed",
    };
    const finish = (
      t: number,
      status: "completed" | "exited",
      reason: string,
      converted: boolean,
    ) =>
      Object.assign(entry, {
        status,
        exitReason: reason,
        exitedAt: new Date(t),
        converted,
        currentNodeId: null,
      });
    if (r() < 0.1) {
      pass("holdout", "held_out", entered);
      finish(entered, "exited", "holdout", r() < 0.12);
    } else {
      pass("holdout", "continue", entered);
      sendMessage(welcome, c.id, "welcome", entered + 5000, n);
      pass("welcome", "next", entered + 5000);
      const woke = entered + DAY;
      if (woke > now.getTime()) {
        Object.assign(entry, { status: "active", currentNodeId: "wait" });
      } else {
        pass("wait", "next", woke);
        // The branch is an OR group: buyers (the goal takes them out) and pro users leave here.
        if (r() < 0.25) {
          pass("bought", "yes", woke);
          finish(woke, "exited", "goal", true);
        } else if (plans[n] === "pro") {
          pass("bought", "yes", woke);
          pass("done", "exit", woke);
          finish(woke, "completed", "completed", false);
        } else {
          pass("bought", "no", woke);
          const variant = r() < 0.5 ? "A" : "B";
          pass("split", variant, woke);
          sendMessage(
            variant === "A" ? coupon : guide,
            c.id,
            variant === "A" ? "coupon" : "guide",
            woke + 3000,
            n,
          );
          pass(variant === "A" ? "coupon" : "guide", "next", woke + 3000);
          const later = woke + HOUR * (1 + r() * 48);
          finish(
            Math.min(later, now.getTime() - HOUR),
            "completed",
            "completed",
            r() < (variant === "A" ? 0.2 : 0.11),
          );
        }
      }
    }
    entryRows.push(entry);
    visits.push(path);
  }

  await insertJourneyHistory({
    workspaceId,
    journeyId: journey.id,
    entries: entryRows,
    visits,
    messages: msgRows,
    events: eventRows,
  });
  await seedDemoSegmentHistory(workspaceId, now);
  // History older than the refresher's trailing window: rebuild the rollups once, now.
  await refreshRollups({ full: true, now });
}

/**
 * Daily sizes for the demo segments over the last 30 days: today's is measured; earlier days are
 * drawn as steady growth up to it (the demo has no past to measure), so the trend chart has a shape.
 */
async function seedDemoSegmentHistory(workspaceId: string, now: Date) {
  const refs = await listSegmentRefs(workspaceId);
  const sizes = await segmentSizes(workspaceId, refs, now);
  const ws = await findWorkspaceById(workspaceId);
  const today = todayIn(ws?.timezone ?? "UTC", now);
  const r = seededRandom(9);
  for (let d = 29; d >= 0; d--) {
    const day = addDays(today, -d);
    const rows = refs.map((s) => {
      const size = sizes.get(s.id) ?? 0;
      return {
        segmentId: s.id,
        size:
          d === 0
            ? size
            : Math.max(
                0,
                Math.round(size * (0.55 + 0.45 * ((29 - d) / 29)) + (r() - 0.5) * size * 0.04),
              ),
      };
    });
    await upsertSegmentSnapshots(workspaceId, day, rows, db());
  }
}
