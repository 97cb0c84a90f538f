import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { AcrossRunsResults } from "@/components/campaigns/across-runs-results";
import { CampaignActions } from "@/components/campaigns/campaign-actions";
import { ConversionResults } from "@/components/campaigns/conversion-results";
import { TreatmentResults } from "@/components/campaigns/treatment-results";
import { STATE_TONE } from "@/components/campaigns/campaign-labels";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { findSegment } from "@/db/queries/segments";
import { findUserById } from "@/db/queries/users";
import { readAcrossRuns } from "@/lib/campaigns/read-across-runs";
import { readCampaign } from "@/lib/campaigns/read-campaign";
import { describeSchedule } from "@/lib/campaigns/schedule/describe-schedule";
import { scheduleOf } from "@/lib/campaigns/schedule/schedule-settings";
import { formatDateTime } from "@/lib/format/dates";
import { DownloadDefinitionButton } from "@/components/definitions/download-definition-button";

export const metadata = { title: "Campaign" };

export default async function CampaignPage({
  params,
}: PageProps<"/w/[workspace]/campaigns/[campaignId]">) {
  const p = await params;
  const { workspace, can } = await requireWorkspace(p.workspace);
  const locale = await getLocale();
  const t = await getTranslations("campaigns.detail");
  const ts = await getTranslations("campaigns.state");
  const tch = await getTranslations("channels");
  const stateLabel = (s: string) => (ts.has(s as "draft") ? ts(s as "draft") : s);
  const channelLabel = (c: string) => (tch.has(c as "email") ? tch(c as "email") : c);
  if (!z.uuid().safeParse(p.campaignId).success) notFound();
  const found = await readCampaign(workspace.id, p.campaignId).catch(() => null);
  if (!found) notFound();
  const { campaign: c, treatments, runs } = found;
  const [segment, changedBy] = await Promise.all([
    c.segmentId ? findSegment(workspace.id, c.segmentId) : null,
    c.stateChangedBy ? findUserById(c.stateChangedBy) : null,
  ]);
  const tz = workspace.timezone;
  const schedule = scheduleOf(c.scheduleKind, c.scheduleSettings);
  // A recurring campaign's results over its runs, once it has run.
  const across =
    c.scheduleKind === "recurring" && runs.length ? await readAcrossRuns(c, runs) : null;
  const ta = await getTranslations("campaigns.acrossRuns");
  return (
    <>
      <PageHeader
        title={c.name}
        description={t("to", {
          channel: channelLabel(c.channel),
          audience:
            c.audienceKind === "everyone" ? t("everyone") : (segment?.name ?? t("deletedSegment")),
        })}
        actions={
          <div className="flex items-center gap-3">
            <DownloadDefinitionButton slug={workspace.slug} kind="campaign" id={c.id} />
            {can("edit") ? (
              <CampaignActions slug={workspace.slug} campaignId={c.id} state={c.state} />
            ) : null}
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[320px_minmax(0,1fr)]">
        <Card className="h-fit p-6">
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-slate-500">{t("state")}</dt>
              <dd className="mt-1 flex flex-wrap items-center gap-2">
                <Badge tone={STATE_TONE[c.state]} data-testid="campaign-state">
                  {stateLabel(c.state)}
                </Badge>
                <span className="text-slate-600">
                  {formatDateTime(c.stateChangedAt, tz, locale)}
                  {changedBy ? ` ${t("by", { name: changedBy.name })}` : ""}
                </span>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("send")}</dt>
              <dd className="mt-1" data-testid="campaign-schedule">
                {schedule
                  ? describeSchedule(schedule, tz, (at) => formatDateTime(at, tz, locale))
                  : t("notSet")}
              </dd>
            </div>
            {c.nextRunAt ? (
              <div>
                <dt className="text-slate-500">{t("nextRun")}</dt>
                <dd className="mt-1" data-testid="campaign-next-run">
                  {formatDateTime(c.nextRunAt, tz, locale)}
                </dd>
              </div>
            ) : null}
            <div>
              <dt className="text-slate-500">{t("holdout")}</dt>
              <dd className="mt-1">{c.holdoutPercent} %</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("treatments")}</dt>
              <dd className="mt-1 space-y-1">
                {treatments.map((tr) => (
                  <div key={tr.position}>
                    {tr.label}: {tr.percent} % ·{" "}
                    {tr.templateId ? (
                      <Link
                        // Inside a line of text: underlined, not told apart by colour alone.
                        className="text-brand-700 underline underline-offset-2"
                        href={`/w/${workspace.slug}/templates/${tr.templateId}`}
                      >
                        {t("templateVersion", { n: tr.templateVersion ?? 0 })}
                      </Link>
                    ) : (
                      t("deletedTemplate")
                    )}
                  </div>
                ))}
              </dd>
            </div>
          </dl>
        </Card>
        <Card>
          <h2 className="px-5 pt-4 text-base font-semibold">{t("runs")}</h2>
          {runs.length ? (
            <Table>
              <thead>
                <tr>
                  <Th>#</Th>
                  <Th>{t("status")}</Th>
                  <Th>{t("started")}</Th>
                  <Th className="text-right">{t("audience")}</Th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id}>
                    <Td>
                      <Link
                        className="font-medium text-brand-700 hover:underline"
                        href={`/w/${workspace.slug}/campaigns/runs/${r.id}`}
                      >
                        {t("run", { n: r.occurrence })}
                      </Link>
                    </Td>
                    <Td>{stateLabel(r.status)}</Td>
                    <Td className="whitespace-nowrap">
                      {formatDateTime(r.scheduledFor, tz, locale)}
                    </Td>
                    <Td className="text-right tabular-nums">
                      {r.audienceCount?.toLocaleString(locale) ?? "—"}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="px-5 py-8 text-sm text-slate-500">
              {c.state === "draft" ? t("notLaunched") : t("noRuns")}
            </p>
          )}
        </Card>
      </div>
      {across ? (
        <>
          <AcrossRunsResults
            slug={workspace.slug}
            refreshedAt={across.refreshedAt ? formatDateTime(across.refreshedAt, tz, locale) : null}
            data={{
              totals: across.totals,
              byTreatment: across.byTreatment,
              conversionsByGroup: across.conversionsByGroup,
              runs: across.runs.map(({ scheduledFor, ...r }) => ({
                ...r,
                when: formatDateTime(scheduledFor, tz, locale),
              })),
            }}
          />
          <TreatmentResults
            title={ta("byTreatment")}
            treatments={across.treatments.treatments}
            holdout={across.treatments.holdout}
          />
          {c.conversion && across.conversions ? (
            <ConversionResults
              title={ta("conversionsTitle")}
              event={c.conversion.event}
              windowDays={c.conversion.windowDays}
              rows={across.conversions}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
