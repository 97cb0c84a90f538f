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

export const metadata = { title: "Run" };

export default async function RunPage({
  params,
}: PageProps<"/w/[workspace]/journeys/runs/[entryId]">) {
  const { workspace: slug, entryId } = await params;
  const { workspace, can } = await requireWorkspace(slug);
  // Another workspace's run looks exactly like one that does not exist.
  if (!isUuid(entryId)) notFound();
  const run = await findJourneyRun(workspace.id, entryId.toLowerCase());
  if (!run) notFound();
  const { entry } = run;
  const tz = workspace.timezone;
  const nodes = describePlanNodes(entry.plan);
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
            <ArrowLeft className="size-4" aria-hidden="true" /> Runs
          </Link>
          <h1 className="mt-2 flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            <span className="break-all">
              {entry.contactUserId ?? entry.contactEmail ?? "Anonymous contact"}
            </span>
            <RunStatusBadge status={entry.status} executorStatus={run.executor?.status} />
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            <Link
              href={`/w/${workspace.slug}/journeys/${entry.journeyId}`}
              className="text-brand-600 hover:underline"
            >
              {entry.journeyName}
            </Link>{" "}
            v{entry.version} · entered {formatDateTime(entry.enteredAt, tz)} ·{" "}
            <Link
              href={`/w/${workspace.slug}/contacts/${entry.contactId}`}
              className="text-brand-600 hover:underline"
            >
              contact profile
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
          <CardHeader
            title="Steps"
            description="The nodes passed, each with the outcome it took."
          />
          <CardBody>
            <RunHistory run={run} nodes={nodes} timeZone={tz} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Messages"
            description="What this run sent; open one for its content and delivery."
          />
          <RunMessages slug={workspace.slug} run={run} nodes={nodes} timeZone={tz} />
        </Card>
      </div>
      <Card>
        <CardHeader
          title="Executor"
          description={
            local
              ? "The local executor's state for this run: memoised step results, errors and open waits."
              : "Runs are executed by Inngest: step-level detail and retries are in the Inngest dashboard."
          }
        />
        {run.executor ? (
          <RunExecutor run={run.executor} names={nameSteps([...nodes.keys()])} timeZone={tz} />
        ) : (
          <p className="px-5 py-4 text-sm text-slate-500">
            {local
              ? "The executor holds no run for this entry (it was not started, or was removed)."
              : "See the Inngest dashboard."}
          </p>
        )}
      </Card>
    </div>
  );
}
