import { useTranslations } from "next-intl";
import { ChartSkeleton } from "@/components/dashboards/chart-card";

export default function Loading() {
  const t = useTranslations("pages.dashboards");
  return (
    <div className="space-y-5" aria-busy="true" aria-label={t("loading")}>
      <div className="h-8 w-48 animate-pulse rounded bg-slate-100" />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        {Array.from({ length: 7 }, (_, i) => (
          <div key={i} className="h-20 animate-pulse rounded-lg bg-slate-100" />
        ))}
      </div>
      <ChartSkeleton height={320} />
      <div className="grid gap-5 lg:grid-cols-2">
        <ChartSkeleton />
        <ChartSkeleton />
      </div>
    </div>
  );
}
