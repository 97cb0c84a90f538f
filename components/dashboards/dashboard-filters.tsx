"use client";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useChannelLabel } from "@/components/app/use-labels";
import { FilterBar, type TFilterSelect } from "@/components/ui/filter-bar";
import { dashboardFilterHref, type TFilterValue } from "@/lib/analytics/dashboard-params";

type TOption = { value: string; label: string };

/**
 * Date range (presets or custom days), journey, channel and segment, in a FilterBar kept in the
 * URL so a view can be shared. Only the selects a page passes options for are shown.
 */
export function DashboardFilters({
  value,
  channels,
  journeys,
  segments,
}: {
  value: TFilterValue;
  channels?: TOption[];
  journeys?: TOption[];
  segments?: TOption[];
}) {
  const t = useTranslations("dashboards.filters");
  const pathname = usePathname();
  const channelLabel = useChannelLabel();
  const selects: TFilterSelect[] = [];
  if (journeys)
    selects.push({
      param: "journey",
      label: t("journey"),
      allLabel: t("allJourneys"),
      options: journeys,
    });
  if (channels)
    selects.push({
      param: "channel",
      label: t("channel"),
      allLabel: t("allChannels"),
      options: channels.map((o) => ({ ...o, label: channelLabel(o.value) })),
    });
  if (segments)
    selects.push({
      param: "segment",
      label: t("segment"),
      allLabel: t("allSegments"),
      options: segments,
    });
  return (
    <FilterBar
      label={t("label")}
      value={value}
      basePath={pathname}
      href={(next) => dashboardFilterHref(pathname, next)}
      dateRange
      selects={selects}
      narrowed={dashboardFilterHref(pathname, value) !== pathname}
    />
  );
}
