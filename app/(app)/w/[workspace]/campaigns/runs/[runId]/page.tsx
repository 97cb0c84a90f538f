import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { RunProgress } from "@/components/campaigns/run-progress";
import { TreatmentResults } from "@/components/campaigns/treatment-results";
import { ConversionResults } from "@/components/campaigns/conversion-results";
import { runConversionCounts, runTreatmentCounts } from "@/db/queries/campaign-results";
import { findCampaign } from "@/db/queries/campaigns";
import { ZTreatment } from "@/lib/campaigns/campaign-settings";
import { conversionResults } from "@/lib/campaigns/stats/conversion-results";
import { treatmentResults } from "@/lib/campaigns/stats/treatment-results";
import { readRun } from "@/lib/campaigns/read-campaign";
import { formatDateTime } from "@/lib/format/dates";
import { formatNumber } from "@/lib/format/numbers";

export async function generateMetadata() {
  return { title: (await getTranslations("pages.campaigns.run"))("metaTitle") };
}

export default async function CampaignRunPage({
  params,
}: PageProps<"/w/[workspace]/campaigns/runs/[runId]">) {
  const p = await params;
  const { workspace } = await requireWorkspace(p.workspace);
  const locale = await getLocale();
  const t = await getTranslations("pages.campaigns.run");
  if (!z.uuid().safeParse(p.runId).success) notFound();
  const found = await readRun(workspace.id, p.runId).catch(() => null);
  if (!found) notFound();
  const { run } = found;
  const [campaign, counts] = await Promise.all([
    findCampaign(workspace.id, run.campaignId),
    runTreatmentCounts(workspace.id, run.id),
  ]);
  const labels = ZTreatment.array()
    .parse(run.treatments)
    .map((t) => t.label);
  const results = treatmentResults(counts, labels);
  const goal = campaign?.conversion ?? null;
  const conversions = goal
    ? conversionResults(await runConversionCounts(workspace.id, run.id, goal), labels)
    : null;
  return (
    <>
      <PageHeader
        title={t("title", { campaign: campaign?.name ?? t("deletedCampaign"), n: run.occurrence })}
        description={t("started", {
          at: formatDateTime(run.scheduledFor, workspace.timezone, locale),
          audience: run.audienceCount === null ? "none" : "some",
          count: run.audienceCount ?? 0,
          n: formatNumber(run.audienceCount ?? 0, locale),
        })}
        actions={
          campaign ? (
            <Link
              href={`/w/${workspace.slug}/campaigns/${campaign.id}`}
              className="text-sm text-brand-700 hover:underline"
            >
              {t("back")}
            </Link>
          ) : null
        }
      />
      <RunProgress
        slug={workspace.slug}
        initial={JSON.parse(JSON.stringify(found)) as Parameters<typeof RunProgress>[0]["initial"]}
      />
      <TreatmentResults treatments={results.treatments} holdout={results.holdout} />
      {goal && conversions ? (
        <ConversionResults event={goal.event} windowDays={goal.windowDays} rows={conversions} />
      ) : null}
    </>
  );
}
