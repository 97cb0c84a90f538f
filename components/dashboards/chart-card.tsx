import { useTranslations } from "next-intl";
import { Download } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";

/** A dashboard panel: title, what it counts, its CSV export, and an empty state instead of a blank chart. */
export function ChartCard({
  title,
  description,
  csvHref,
  empty,
  emptyText = "Nothing in this range.",
  children,
  testId,
}: {
  title: string;
  description?: string;
  csvHref?: string;
  empty?: boolean;
  emptyText?: string;
  children: React.ReactNode;
  testId?: string;
}) {
  const t = useTranslations("dashboards");
  return (
    <Card data-testid={testId} aria-label={title}>
      <CardHeader
        title={title}
        description={description}
        actions={
          csvHref ? (
            <a
              href={csvHref}
              download
              className="inline-flex shrink-0 items-center gap-1.5 rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
              data-testid={testId ? `${testId}-csv` : undefined}
            >
              <Download className="size-3.5" aria-hidden="true" /> {t("exportCsv")}
            </a>
          ) : null
        }
      />
      {empty ? (
        <p className="px-5 py-12 text-center text-sm text-slate-500">{emptyText}</p>
      ) : (
        <div className="px-3 py-4 sm:px-5">{children}</div>
      )}
    </Card>
  );
}

export function ChartSkeleton({ height = 260 }: { height?: number }) {
  return (
    <div className="animate-pulse rounded-md bg-slate-100" style={{ height }} aria-hidden="true" />
  );
}
