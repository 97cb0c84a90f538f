"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useDebounced } from "@/components/app/use-debounced";
import { useApiErrorText } from "@/components/app/use-api-error-text";
import { useChannelLabel } from "@/components/app/use-labels";
import { Card } from "@/components/ui/card";
import { formatNumber } from "@/lib/format/numbers";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";

type TAudienceSize = { total: number; reachable: number; expectedRecipients: number };

/**
 * The new campaign's audience, counted live as the editor changes it (a moment after the last
 * change): everyone in it, those the channel reaches, and those who will receive it after the
 * holdout. The last count stays shown while the next one runs.
 */
export function AudienceSizeCard({
  slug,
  segmentId,
  channel,
  holdout,
}: {
  slug: string;
  segmentId: string;
  channel: string;
  holdout: number;
}) {
  const t = useTranslations("campaigns.editor");
  const channelLabel = useChannelLabel();
  const errorText = useApiErrorText();
  const countKey = useDebounced(`${segmentId}|${channel}|${holdout}`, 300);
  const size = useQuery<TAudienceSize, ApiError>({
    queryKey: ["campaign-audience", slug, countKey],
    queryFn: () => {
      const [s, c, h] = countKey.split("|");
      const q = new URLSearchParams({ channel: c!, holdoutPercent: h! });
      if (s) q.set("segmentId", s);
      return apiFetch<TAudienceSize>(`/api/w/${slug}/campaigns/audience?${q}`, { method: "GET" });
    },
    placeholderData: keepPreviousData,
    retry: false,
  });
  return (
    <Card className="h-fit space-y-3 p-6" aria-live="polite">
      <h2 className="text-sm font-semibold text-slate-900">{t("audience")}</h2>
      {size.error ? (
        <p className="text-sm text-red-600">{errorText(size.error)}</p>
      ) : size.data ? (
        <dl className="space-y-2 text-sm">
          <Row label={t("inAudience")} value={size.data.total} testId="audience-total" />
          <Row
            label={t("reachableBy", { channel: channelLabel(channel) })}
            value={size.data.reachable}
          />
          <Row
            label={t("willReceive")}
            value={size.data.expectedRecipients}
            testId="audience-expected"
            strong
          />
        </dl>
      ) : (
        <p className="text-sm text-slate-500">{t("counting")}</p>
      )}
      <p className="text-xs text-slate-500">{t("reachableHint")}</p>
    </Card>
  );
}

function Row({
  label,
  value,
  testId,
  strong,
}: {
  label: string;
  value: number;
  testId?: string;
  strong?: boolean;
}) {
  const locale = useLocale();
  return (
    <div className="flex items-baseline justify-between gap-3">
      <dt className="text-slate-600">{label}</dt>
      <dd
        data-testid={testId}
        className={strong ? "text-lg font-semibold tabular-nums" : "tabular-nums"}
      >
        {formatNumber(value, locale)}
      </dd>
    </div>
  );
}
