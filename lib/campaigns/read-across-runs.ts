import { db } from "@/db";
import { lastRefreshedAt } from "@/db/queries/analytics-rollups";
import { campaignGroupCounts, campaignRunRollups } from "@/db/queries/campaign-run-results";
import type { TCampaign, TCampaignRun } from "@/db/schema";
import { ZTreatment } from "./campaign-settings";
import { acrossRuns } from "./stats/across-runs";
import { conversionResults } from "./stats/conversion-results";
import { treatmentResults } from "./stats/treatment-results";

/**
 * A recurring campaign's results over all its runs: each run's figures, their totals, and per
 * treatment the runs added up (rates, intervals and tests as a single run's page shows them).
 * Treatment labels are the newest run's: a position keeps its meaning across runs.
 */
export async function readAcrossRuns(campaign: TCampaign, runs: TCampaignRun[]) {
  const ws = campaign.workspaceId;
  const [figures, groups, refreshedAt] = await Promise.all([
    campaignRunRollups(ws, campaign.id),
    campaignGroupCounts(ws, campaign.id, campaign.conversion ?? null),
    lastRefreshedAt(db()),
  ]);
  const data = acrossRuns(runs, figures, groups, Boolean(campaign.conversion));
  const newest = runs.reduce<TCampaignRun | null>(
    (a, r) => (!a || r.occurrence > a.occurrence ? r : a),
    null,
  );
  const parsed = ZTreatment.array().safeParse(newest?.treatments ?? []);
  const labels = parsed.success ? parsed.data.map((t) => t.label) : [];
  return {
    ...data,
    labels,
    refreshedAt,
    treatments: treatmentResults(data.byTreatment, labels),
    conversions: campaign.conversion ? conversionResults(data.conversionsByGroup, labels) : null,
  };
}
