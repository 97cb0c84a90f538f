import { sliceStarts } from "@/db/queries/campaign-runs";
import { listCampaigns } from "@/db/queries/campaigns";
import { listSegmentRefs } from "@/db/queries/segments";
import { listTemplates } from "@/db/queries/templates";
import { drainSlice } from "@/lib/campaigns/delivery/drain-slice";
import { snapshotRun } from "@/lib/campaigns/delivery/snapshot-run";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { createCampaign } from "@/lib/campaigns/save-campaign";

export const DEMO_CAMPAIGN_NAME = "Pro upgrade newsletter";

/**
 * One completed campaign, so a newcomer's Campaigns page shows a run with its progress and
 * messages in the outbox: the "Pro upgrade email" to "Pro plan in Europe" with a 10 % holdout,
 * sent through the real pipeline (snapshot, drain) at seed time. Seeded once by name; skipped when
 * its template or segment is missing.
 */
export async function seedDemoCampaign(workspaceId: string, adminId: string) {
  if ((await listCampaigns(workspaceId)).some((c) => c.name === DEMO_CAMPAIGN_NAME)) return;
  const [templates, segments] = await Promise.all([
    listTemplates(workspaceId),
    listSegmentRefs(workspaceId),
  ]);
  const template = templates.find((t) => t.name === "Pro upgrade email" && t.publishedVersion > 0);
  const segment = segments.find((s) => s.name === "Pro plan in Europe");
  if (!template || !segment) return;
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
  await snapshotRun(run.id);
  // The demo audience is small: drained here, in order, rather than through the executor.
  const starts = await sliceStarts(run.id, 1000);
  for (const [i, from] of starts.entries())
    while ((await drainSlice({ runId: run.id, from, to: starts[i + 1] ?? null })).kind === "sent");
}
