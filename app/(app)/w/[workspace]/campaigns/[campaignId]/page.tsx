import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { CampaignActions } from "@/components/campaigns/campaign-actions";
import { STATE_LABEL, STATE_TONE } from "@/components/campaigns/campaign-labels";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { findSegment } from "@/db/queries/segments";
import { findUserById } from "@/db/queries/users";
import { readCampaign } from "@/lib/campaigns/read-campaign";
import { describeSchedule } from "@/lib/campaigns/schedule/describe-schedule";
import { scheduleOf } from "@/lib/campaigns/schedule/schedule-settings";
import { channelLabel } from "@/lib/channels/channel-meta";
import { formatDateTime } from "@/lib/format/dates";

export const metadata = { title: "Campaign" };

export default async function CampaignPage({
  params,
}: PageProps<"/w/[workspace]/campaigns/[campaignId]">) {
  const p = await params;
  const { workspace, can } = await requireWorkspace(p.workspace);
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
  return (
    <>
      <PageHeader
        title={c.name}
        description={`${channelLabel(c.channel)} to ${c.audienceKind === "everyone" ? "everyone" : (segment?.name ?? "a deleted segment")}`}
        actions={
          can("edit") ? (
            <CampaignActions slug={workspace.slug} campaignId={c.id} state={c.state} />
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-[320px_minmax(0,1fr)]">
        <Card className="h-fit p-6">
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-slate-500">State</dt>
              <dd className="mt-1 flex flex-wrap items-center gap-2">
                <Badge tone={STATE_TONE[c.state]} data-testid="campaign-state">
                  {STATE_LABEL[c.state]}
                </Badge>
                <span className="text-slate-600">
                  {formatDateTime(c.stateChangedAt, tz)}
                  {changedBy ? ` by ${changedBy.name}` : ""}
                </span>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Send</dt>
              <dd className="mt-1" data-testid="campaign-schedule">
                {schedule
                  ? describeSchedule(schedule, tz, (at) => formatDateTime(at, tz))
                  : "Not set"}
              </dd>
            </div>
            {c.nextRunAt ? (
              <div>
                <dt className="text-slate-500">Next run</dt>
                <dd className="mt-1" data-testid="campaign-next-run">
                  {formatDateTime(c.nextRunAt, tz)}
                </dd>
              </div>
            ) : null}
            <div>
              <dt className="text-slate-500">Holdout</dt>
              <dd className="mt-1">{c.holdoutPercent} %</dd>
            </div>
            <div>
              <dt className="text-slate-500">Treatments</dt>
              <dd className="mt-1 space-y-1">
                {treatments.map((t) => (
                  <div key={t.position}>
                    {t.label}: {t.percent} % ·{" "}
                    {t.templateId ? (
                      <Link
                        className="text-brand-700 hover:underline"
                        href={`/w/${workspace.slug}/templates/${t.templateId}`}
                      >
                        template v{t.templateVersion}
                      </Link>
                    ) : (
                      "deleted template"
                    )}
                  </div>
                ))}
              </dd>
            </div>
          </dl>
        </Card>
        <Card>
          <h2 className="px-5 pt-4 text-base font-semibold">Runs</h2>
          {runs.length ? (
            <Table>
              <thead>
                <tr>
                  <Th>#</Th>
                  <Th>Status</Th>
                  <Th>Started</Th>
                  <Th className="text-right">Audience</Th>
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
                        Run {r.occurrence}
                      </Link>
                    </Td>
                    <Td>{STATE_LABEL[r.status] ?? r.status}</Td>
                    <Td className="whitespace-nowrap">{formatDateTime(r.scheduledFor, tz)}</Td>
                    <Td className="text-right tabular-nums">
                      {r.audienceCount?.toLocaleString("en") ?? "—"}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="px-5 py-8 text-sm text-slate-500">
              {c.state === "draft" ? "Not launched yet." : "No runs yet."}
            </p>
          )}
        </Card>
      </div>
    </>
  );
}
