import { ArrowLeft } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { KeysetPagination } from "@/components/ui/keyset-pagination";
import { RunFilters } from "@/components/journeys/runs/run-filters";
import { RunsTable } from "@/components/journeys/runs/runs-table";
import { loadStepNames } from "@/lib/journeys/runs/step-name-lookup";
import { Card } from "@/components/ui/card";
import { listJourneyRuns, listRunJourneyOptions } from "@/db/queries/journey-runs";
import { parseRunListParams, runListQuery } from "@/lib/journeys/runs/run-list-params";

export async function generateMetadata() {
  return { title: (await getTranslations("journeys.list"))("runs") };
}

export default async function RunsPage({
  params,
  searchParams,
}: PageProps<"/w/[workspace]/journeys/runs">) {
  const { workspace } = await requireWorkspace((await params).workspace);
  const view = parseRunListParams(await searchParams);
  const [page, journeys] = await Promise.all([
    listJourneyRuns(workspace.id, view),
    listRunJourneyOptions(workspace.id),
  ]);
  const names = await loadStepNames(
    workspace.id,
    page.rows.map((r) => r.journeyId),
    await getTranslations("journeys.summary"),
  );
  const basePath = `/w/${workspace.slug}/journeys/runs`;
  const narrowed = Boolean(view.journeyId || view.status || view.contact);
  const t = await getTranslations("pages.journeys.runs");
  const tl = await getTranslations("journeys.list");
  const tn = await getTranslations("nav");
  const tc = await getTranslations("common");
  return (
    <>
      <Link
        href={`/w/${workspace.slug}/journeys`}
        className="mb-2 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
      >
        <ArrowLeft className="size-4" aria-hidden="true" /> {tn("journeys")}
      </Link>
      <PageHeader title={tl("runs")} description={t("description")} />
      <Card>
        <div className="border-b border-slate-100 px-5 py-4">
          <RunFilters
            basePath={basePath}
            value={{ journey: view.journeyId ?? "", status: view.status ?? "", q: view.q }}
            journeys={journeys}
          />
        </div>
        {page.rows.length ? (
          <>
            <p className="px-5 pt-3 text-sm text-slate-500">
              {t("newestFirst", { timeZone: workspace.timezone })}
            </p>
            <RunsTable
              slug={workspace.slug}
              rows={page.rows}
              timeZone={workspace.timezone}
              names={names}
            />
          </>
        ) : (
          <p className="px-5 py-10 text-center text-sm text-slate-500" data-testid="runs-empty">
            {narrowed ? t("noMatch") : t("empty")}{" "}
            {narrowed ? (
              <Link href={basePath} className="text-brand-600 hover:underline">
                {tc("clearFilters")}
              </Link>
            ) : null}
          </p>
        )}
        <KeysetPagination
          label={t("pages")}
          newerText={t("newest")}
          newerHref={view.after ? `${basePath}${runListQuery(view)}` : null}
          olderHref={page.nextCursor ? `${basePath}${runListQuery(view, page.nextCursor)}` : null}
        />
      </Card>
    </>
  );
}
