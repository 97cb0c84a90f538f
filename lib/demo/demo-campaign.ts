import { sliceStarts } from "@/db/queries/campaign-runs";
import { findCampaign, listCampaigns } from "@/db/queries/campaigns";
import { listSegmentRefs } from "@/db/queries/segments";
import { listTemplates } from "@/db/queries/templates";
import { drainSlice } from "@/lib/campaigns/delivery/drain-slice";
import { snapshotRun } from "@/lib/campaigns/delivery/snapshot-run";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { startDueRuns } from "@/lib/campaigns/schedule/start-due-runs";
import { refreshRollups } from "@/lib/analytics/refresh-rollups";
import { seedDemoAbTest, seedDemoEventCampaign } from "./demo-campaign-tests";
import { seedNewsletterEngagement } from "./demo-newsletter-engagement";
import { demoTopicId } from "./demo-topics";

export const DEMO_CAMPAIGN_NAME = "Pro upgrade newsletter";
export const DEMO_RECURRING_NAME = "Weekly newsletter";
const DAY = 86_400_000;

/**
 * One completed campaign, so a newcomer's Campaigns page shows a run with its progress and
 * messages in the outbox: the "Pro upgrade email" to "Pro plan in Europe" with a 10 % holdout,
 * sent through the real pipeline (snapshot, drain) at seed time. Seeded once by name; skipped when
 * its template or segment is missing.
 */
export async function seedDemoCampaign(workspaceId: string, adminId: string) {
  const [templates, segments] = await Promise.all([
    listTemplates(workspaceId),
    listSegmentRefs(workspaceId),
  ]);
  const template = templates.find((t) => t.name === "Pro upgrade email" && t.publishedVersion > 0);
  const segment = segments.find((s) => s.name === "Pro plan in Europe");
  if (!template || !segment) return;
  if (!(await listCampaigns(workspaceId)).some((c) => c.name === DEMO_CAMPAIGN_NAME))
    await seedDemoOneOff(workspaceId, adminId, template, segment);
  await seedDemoNewsletter(workspaceId, adminId, template, segment);
  await seedDemoAbTest(workspaceId, adminId);
  await seedDemoEventCampaign(workspaceId, adminId);
}

async function seedDemoOneOff(
  workspaceId: string,
  adminId: string,
  template: { id: string; publishedVersion: number },
  segment: { id: string },
) {
  const campaign = await createCampaign(workspaceId, adminId, {
    name: DEMO_CAMPAIGN_NAME,
    audience: { kind: "segment", segmentId: segment.id },
    channel: "email",
    treatments: [
      {
        label: "A",
        templateId: template.id,
        templateVersion: template.publishedVersion,
        percent: 100,
      },
    ],
    holdoutPercent: 10,
    schedule: { kind: "now" },
  });
  const run = (await launchCampaign(workspaceId, campaign.id, adminId))!;
  await drainNow(run.id);
}

/** The demo audience is small: snapshotted and drained here, in order, as of `at`. */
export async function drainNow(runId: string, at?: Date) {
  await snapshotRun(runId, at);
  const starts = await sliceStarts(runId, 1000);
  for (const [i, from] of starts.entries())
    while (
      (await drainSlice({ runId, from, to: starts[i + 1] ?? null }, at ? { now: () => at } : {}))
        .kind === "sent"
    );
}

/**
 * A recurring campaign (every Monday at 09:00, workspace time) with its last five occurrences
 * already run, opened and clicked, so the campaign page shows a run history, the results across
 * runs and the next run, and the calendar has past and coming sends.
 */
async function seedDemoNewsletter(
  workspaceId: string,
  adminId: string,
  template: { id: string; publishedVersion: number },
  segment: { id: string },
) {
  if ((await listCampaigns(workspaceId)).some((c) => c.name === DEMO_RECURRING_NAME)) return;
  const now = new Date();
  const from = new Date(now.getTime() - 35 * DAY);
  const campaign = await createCampaign(workspaceId, adminId, {
    name: DEMO_RECURRING_NAME,
    audience: { kind: "segment", segmentId: segment.id },
    channel: "email",
    // The newsletter is "Product news": contacts who left that topic are skipped with the reason.
    topicId: await demoTopicId(workspaceId, "product-news"),
    treatments: [
      {
        label: "A",
        templateId: template.id,
        templateVersion: template.publishedVersion,
        percent: 100,
      },
    ],
    conversion: { event: "Order Completed", windowDays: 7 },
    schedule: {
      kind: "recurring",
      recurrence: {
        frequency: "weekly",
        time: "09:00",
        weekdays: [1],
        startDate: from.toISOString().slice(0, 10),
      },
    },
  });
  await launchCampaign(workspaceId, campaign.id, adminId, from);
  // Replays the occurrences between then and now as the scheduler would have run them.
  for (let i = 0; i < 6; i++) {
    const c = await findCampaign(workspaceId, campaign.id);
    if (!c?.nextRunAt || c.nextRunAt > now) break;
    const at = new Date(c.nextRunAt.getTime() + 60_000);
    const { started } = await startDueRuns(at, { campaignId: campaign.id });
    for (const run of started) {
      await drainNow(run.id, at);
      await seedNewsletterEngagement(workspaceId, run, at);
    }
  }
  // The across-runs results read the rollups: bring them up to date now, not at the next tick.
  await refreshRollups();
}
