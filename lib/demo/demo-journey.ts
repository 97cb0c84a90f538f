import { workspaceHasAny } from "@/db/queries/demo-seed";
import { listTemplates } from "@/db/queries/templates";
import { ZDraftGraph } from "@/lib/journeys/graph/graph-schema";
import {
  createJourney,
  publishJourney,
  saveJourneyDraft,
} from "@/lib/journeys/manage/manage-journeys";

const at = (x: number, y: number) => ({ x, y });

/**
 * The demo's live journey, the one the README walks through: a welcome email on sign-up, a day's
 * wait, then buyers and pro users leave (an OR group on the branch) and the rest get an A/B test
 * of an SMS coupon against a push guide.
 * Built from the demo templates; skipped when they are missing, seeded once.
 */
export async function seedDemoJourney(workspaceId: string, publisherId: string) {
  if (await workspaceHasAny(workspaceId, "journeys")) return;
  const templates = (await listTemplates(workspaceId)).filter((t) => t.publishedVersion > 0);
  const email = templates.find((t) => t.channel === "email");
  const sms = templates.find((t) => t.channel === "sms");
  const push = templates.find((t) => t.channel === "push");
  if (!email || !sms || !push) return;
  const journey = await createJourney(workspaceId, publisherId, { name: "Welcome journey" });
  const nodes = [
    {
      id: "trigger",
      type: "trigger",
      position: at(300, 0),
      data: { kind: "event", event: "Signed Up", filters: [] },
    },
    { id: "holdout", type: "holdout", position: at(300, 130), data: { percent: 10 } },
    {
      id: "welcome",
      type: "send",
      position: at(300, 260),
      data: { channel: "email", templateId: email.id },
    },
    {
      id: "wait",
      type: "wait",
      position: at(300, 390),
      data: { kind: "duration", amount: 1, unit: "days" },
    },
    {
      id: "bought",
      type: "branch",
      position: at(300, 520),
      // An OR group, so the canvas shows a condition read in words: buyers and pro users skip the coupon.
      data: {
        condition: {
          kind: "group",
          match: "any",
          conditions: [
            {
              kind: "did_event",
              event: "Order Completed",
              did: true,
              filters: [],
              window: { kind: "since_entry" },
            },
            {
              kind: "attribute",
              filter: { property: "plan", type: "string", op: "equals", value: "pro" },
            },
          ],
        },
      },
    },
    { id: "done", type: "exit", position: at(80, 660), data: {} },
    {
      id: "split",
      type: "ab_split",
      position: at(520, 660),
      data: {
        variants: [
          { id: "A", percent: 50 },
          { id: "B", percent: 50 },
        ],
      },
    },
    {
      id: "coupon",
      type: "send",
      position: at(400, 800),
      data: { channel: "sms", templateId: sms.id },
    },
    {
      id: "guide",
      type: "send",
      position: at(640, 800),
      data: { channel: "push", templateId: push.id },
    },
    { id: "end", type: "exit", position: at(520, 940), data: {} },
  ];
  const e = (source: string, target: string, sourceHandle: string | null = null) => ({
    id: `${source}-${sourceHandle ?? "next"}-${target}`,
    source,
    sourceHandle,
    target,
  });
  const edges = [
    e("trigger", "holdout"),
    e("holdout", "welcome", "continue"),
    e("welcome", "wait"),
    e("wait", "bought"),
    e("bought", "done", "yes"),
    e("bought", "split", "no"),
    e("split", "coupon", "A"),
    e("split", "guide", "B"),
    e("coupon", "end"),
    e("guide", "end"),
  ];
  const settings = {
    entry: { mode: "once" },
    quietHours: { start: "21:00", end: "08:00" },
    frequencyCap: { maxPerDay: 3 },
    goal: { event: "Order Completed", filters: [], exitOnGoal: true },
  };
  await saveJourneyDraft(workspaceId, journey.id, {
    graph: ZDraftGraph.parse({ nodes, edges }),
    settings,
  });
  await publishJourney(workspaceId, journey.id, publisherId);
}
