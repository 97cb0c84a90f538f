"use client";
import { useTranslations } from "next-intl";
import { FilterBar } from "@/components/ui/filter-bar";
import { useChannelLabel } from "@/components/app/use-labels";

type TOption = { value: string; label: string };

/**
 * Channel, status and recipient search, in the URL. `keep` carries narrowing set elsewhere (a
 * contact or template the log was opened for).
 */
export function MessageFilters({
  basePath,
  value,
  keep,
  channels,
  statuses,
  kinds,
}: {
  basePath: string;
  value: { channel: string; status: string; kind: string; q: string };
  keep: Record<string, string>;
  channels: TOption[];
  statuses: TOption[];
  kinds: TOption[];
}) {
  const t = useTranslations("messages.filters");
  const ts = useTranslations("messages.status");
  const tc = useTranslations("common");
  const channelLabel = useChannelLabel();
  return (
    <FilterBar
      basePath={basePath}
      value={value}
      keep={keep}
      search={{
        name: "q",
        label: t("searchLabel"),
        placeholder: t("searchPlaceholder"),
      }}
      selects={[
        {
          param: "channel",
          label: tc("channel"),
          allLabel: t("allChannels"),
          options: channels.map((o) => ({ ...o, label: channelLabel(o.value) })),
        },
        {
          param: "status",
          label: tc("status"),
          allLabel: t("allStatuses"),
          options: statuses.map((o) => ({
            ...o,
            label: ts.has(o.value as "sent") ? ts(o.value as "sent") : o.label,
          })),
        },
        {
          param: "kind",
          label: t("kind"),
          allLabel: t("allKinds"),
          options: kinds.map((o) => ({ ...o, label: t(`kinds.${o.value as "bulk"}`) })),
        },
      ]}
    />
  );
}
