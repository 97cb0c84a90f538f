"use client";
import { useTranslations } from "next-intl";
import { FilterBar } from "@/components/ui/filter-bar";

const STATUSES = ["active", "failed", "completed", "exited", "cancelled"] as const;

/** Journey, status and contact search, kept in the URL; a change starts again from the newest page. */
export function RunFilters({
  basePath,
  value,
  journeys,
}: {
  basePath: string;
  value: { journey: string; status: string; q: string };
  journeys: { id: string; name: string }[];
}) {
  const t = useTranslations("journeys.runs");
  return (
    <FilterBar
      basePath={basePath}
      value={value}
      search={{ label: t("searchLabel"), placeholder: t("searchPlaceholder") }}
      selects={[
        {
          param: "journey",
          label: t("journey"),
          allLabel: t("allJourneys"),
          options: journeys.map((j) => ({ value: j.id, label: j.name })),
          className: "w-48",
        },
        {
          param: "status",
          label: t("status"),
          allLabel: t("allStatuses"),
          options: STATUSES.map((s) => ({ value: s, label: t(`filterState.${s}`) })),
        },
      ]}
    />
  );
}
