import { getLocale, getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { RunActions } from "@/components/journeys/runs/run-actions";
import { RunExecutor } from "@/components/journeys/runs/run-executor";
import { RunHistory, RunMessages } from "@/components/journeys/runs/run-history";
import { RunStatusBadge } from "@/components/journeys/runs/run-status-badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { findJourneyRun } from "@/db/queries/journey-runs";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format/dates";
import { describePlanNodes, nameSteps } from "@/lib/journeys/runs/name-steps";
import { isUuid } from "@/lib/journeys/runs/entry-id";

export async function generateMetadata() {
  return { title: (await getTranslations("pages.journeys.run"))("title") };
}

export default async function RunPage({
  params,
}: PageProps<"/w/[workspace]/journeys/runs/[entryId]">) {
  const { workspace: slug, entryId } = await params;
  const { workspace, can } = await requireWorkspace(slug);
  const locale = await getLocale();
  const t = await getTranslations("pages.journeys.run");
  const tl = await getTranslations("journeys.list");
  const tm = await getTranslations("messages.table");
  // Another workspace's run looks exactly like one that does not exist.
  if (!isUuid(entryId)) notFound();
  const run = await findJourneyRun(workspace.id, entryId.toLowerCase());
  if (!run) notFound();
  const { entry } = run;
  const tz = workspace.timezone;
  const nodes = describePlanNodes(entry.plan, await getTranslations("journeys.summary"));
  const failed = run.executor?.status === "failed";
  const admin = can("manage");
  const local = env.executor === "local";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link
            href={`/w/${workspace.slug}/journeys/runs`}
            className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
          >
            <ArrowLeft className="size-4" aria-hidden="true" /> {tl("runs")}
          </Link>
          <h1 className="mt-2 flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            <span className="break-all">
              {entry.contactUserId ?? entry.contactEmail ?? tm("anonymousContact")}
            </span>
            <RunStatusBadge status={entry.status} executorStatus={run.executor?.status} />
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            <Link
              href={`/w/${workspace.slug}/journeys/${entry.journeyId}`}
              className="text-brand-600 underline hover:no-underline"
            >
              {entry.journeyName}
            </Link>{" "}
            {t("entered", {
              version: entry.version,
              at: formatDateTime(entry.enteredAt, tz, locale),
            })}{" "}
            ·{" "}
            <Link
              href={`/w/${workspace.slug}/contacts/${entry.contactId}`}
              className="text-brand-600 underline hover:no-underline"
            >
              {t("contactProfile")}
            </Link>
          </p>
        </div>
        {admin ? (
          <RunActions
            slug={workspace.slug}
            entryId={entry.id}
            canCancel={entry.status === "active"}
            canRetry={local && failed && entry.status === "active"}
          />
        ) : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("steps")} description={t("stepsDescription")} />
          <CardBody>
            <RunHistory run={run} nodes={nodes} timeZone={tz} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("messages")} description={t("messagesDescription")} />
          <RunMessages slug={workspace.slug} run={run} nodes={nodes} timeZone={tz} />
        </Card>
      </div>
      <Card>
        <CardHeader
          title={t("executor")}
          description={local ? t("executorLocal") : t("executorInngest")}
        />
        {run.executor ? (
          <RunExecutor run={run.executor} names={nameSteps([...nodes.keys()])} timeZone={tz} />
        ) : (
          <p className="px-5 py-4 text-sm text-slate-500">
            {local ? t("executorNone") : t("seeInngest")}
          </p>
        )}
      </Card>
    </div>
  );
}
