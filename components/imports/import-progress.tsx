"use client";
import { useQuery } from "@tanstack/react-query";
import { Download, Users } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { apiFetch } from "@/lib/http/api-fetch";
import type { TImportView } from "@/lib/imports/import-view";
import { formatCount, formatDuration } from "./format";
import { ImportStatusBadge } from "./import-status-badge";
import { ErrorAlert } from "@/components/ui/error-alert";

const ACTIVE = new Set(["queued", "validating", "importing"]);

const PHASE: Record<string, { title: string; unit: string }> = {
  queued: { title: "Waiting for the worker…", unit: "rows" },
  validating: { title: "Step 1 of 2: checking every row", unit: "rows checked" },
  importing: { title: "Step 2 of 2: importing", unit: "rows imported or skipped" },
};

function Stat({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: number;
  tone?: string;
  testId: string;
}) {
  return (
    <div className="rounded-lg border border-slate-200 px-4 py-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${tone ?? ""}`} data-testid={testId}>
        {formatCount(value)}
      </dd>
    </div>
  );
}

/** Polls the import every second while it runs, then shows what happened. */
export function ImportProgress({ slug, initial }: { slug: string; initial: TImportView }) {
  const { data } = useQuery({
    queryKey: ["contact-import", initial.id],
    queryFn: async () =>
      (
        await apiFetch<{ import: TImportView }>(`/api/w/${slug}/contacts/imports/${initial.id}`, {
          method: "GET",
        })
      ).import,
    initialData: initial,
    refetchInterval: (q) => (q.state.data && ACTIVE.has(q.state.data.status) ? 1000 : false),
  });
  const imp = data;
  const reportUrl = `/api/w/${slug}/contacts/imports/${imp.id}/errors.csv`;

  if (ACTIVE.has(imp.status)) {
    const phase = PHASE[imp.status]!;
    return (
      <Card>
        <CardHeader
          title="Importing"
          description="This runs in the background: you can leave this page and come back."
          actions={<ImportStatusBadge status={imp.status} />}
        />
        <CardBody className="space-y-3">
          <p className="text-sm font-medium text-slate-800">{phase.title}</p>
          <Progress value={imp.progress.percent} label="Import progress" />
          <p className="text-sm tabular-nums text-slate-600" data-testid="import-progress-text">
            {formatCount(imp.progress.done)} of {imp.status === "validating" ? "about " : ""}
            {formatCount(imp.progress.total)} {phase.unit} ({imp.progress.percent}%)
            {imp.failedRows
              ? ` · ${formatCount(imp.failedRows)} rows with problems ${imp.status === "validating" ? "so far" : "will be skipped"}`
              : ""}
          </p>
          {imp.lastError ? (
            <p className="text-sm text-amber-700">Retrying after an error: {imp.lastError}</p>
          ) : null}
        </CardBody>
      </Card>
    );
  }

  if (imp.status === "failed") {
    return (
      <Card>
        <CardHeader
          title="Import failed"
          description="Nothing was imported from this file unless stated below."
          actions={<ImportStatusBadge status={imp.status} />}
        />
        <CardBody className="space-y-3">
          <ErrorAlert variant="box" className="px-4 py-3 text-red-800" data-testid="import-failure">
            {imp.failureReason}
          </ErrorAlert>
          <p className="text-sm text-slate-600">Fix the file and upload it again.</p>
        </CardBody>
      </Card>
    );
  }

  if (imp.status !== "completed") {
    return (
      <Card>
        <CardHeader
          title="Upload expired"
          description="Nobody started this import within a day, so the file was deleted. Upload it again to import it."
          actions={<ImportStatusBadge status={imp.status} />}
        />
      </Card>
    );
  }

  const took =
    imp.startedAt && imp.finishedAt
      ? formatDuration(new Date(imp.finishedAt).getTime() - new Date(imp.startedAt).getTime())
      : null;
  return (
    <Card>
      <CardHeader
        title="Import complete"
        description={took ? `Finished in ${took}.` : undefined}
        actions={<ImportStatusBadge status={imp.status} />}
      />
      <CardBody className="space-y-5">
        <dl className="grid grid-cols-3 gap-4">
          <Stat label="Rows in file" value={imp.totalRows} testId="import-total" />
          <Stat
            label="Imported"
            value={imp.importedRows}
            tone="text-emerald-700"
            testId="import-imported"
          />
          <Stat
            label="Failed"
            value={imp.failedRows}
            tone={imp.failedRows ? "text-red-700" : undefined}
            testId="import-failed"
          />
        </dl>
        <div className="flex flex-wrap items-center gap-3">
          {imp.failedRows ? (
            <Button asChild variant="outline">
              <a href={reportUrl} download>
                <Download /> Download error report
              </a>
            </Button>
          ) : null}
          <Button asChild variant="ghost">
            <Link href={`/w/${slug}/contacts`}>
              <Users /> View contacts
            </Link>
          </Button>
        </div>
        {imp.failedRows ? (
          <p className="text-sm text-slate-600">
            The report lists each rejected row with what is wrong, followed by the row as it was.
            Fix it there and import the report itself: its first three columns are skipped.
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}
