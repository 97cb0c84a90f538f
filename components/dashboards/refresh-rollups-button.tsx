"use client";
import { useTranslations } from "next-intl";
import { RefreshCw } from "lucide-react";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";

/** Admins bring the figures up to date now instead of within the next half minute. */
export function RefreshRollupsButton({ slug }: { slug: string }) {
  const t = useTranslations("dashboards");
  const m = useApiMutation(() => ({
    url: `/api/w/${slug}/analytics/refresh`,
    method: "POST",
    body: {},
  }));
  return (
    <div className="flex items-center gap-2">
      <Button
        variant="outline"
        size="sm"
        data-mutates
        disabled={m.isPending}
        onClick={() => m.mutate(undefined)}
      >
        <RefreshCw className={m.isPending ? "animate-spin" : undefined} />
        {m.isPending ? t("refreshing") : t("refreshNow")}
      </Button>
      {m.formError ? <ErrorAlert variant="field">{m.formError}</ErrorAlert> : null}
    </div>
  );
}
