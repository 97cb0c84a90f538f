"use client";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useChannelLabel } from "@/components/app/use-labels";
import { FilterBar, type TFilterSelect } from "@/components/ui/filter-bar";
import {
  dashboardFilterHref,
  journeyDashboardHref,
  type TFilterValue,
} from "@/lib/analytics/dashboard-params";

type TOption = { value: string; label: string };

/**
 * Date range (presets or custom days), journey, channel and segment, in a FilterBar kept in the
 * URL so a view can be shared. Only the selects a page passes options for are shown. With
 * `journeysPath` (a journey's own dashboard) the journey is the page, and choosing one goes there.
 */
export function DashboardFilters({
  value,
  channels,
  journeys,
  segments,
  journeysPath,
}: {
  value: TFilterValue;
  channels?: TOption[];
  journeys?: TOption[];
  segments?: TOption[];
  journeysPath?: string;
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
      href={(next) =>
        journeysPath
          ? journeyDashboardHref(journeysPath, next)
          : dashboardFilterHref(pathname, next)
      }
      dateRange
      selects={selects}
      narrowed={
        dashboardFilterHref(pathname, journeysPath ? { ...value, journey: "" } : value) !== pathname
      }
    />
  );
}
