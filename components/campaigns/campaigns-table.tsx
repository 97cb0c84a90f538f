import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { TCampaignState } from "@/db/schema";
import { useCampaignStateLabel, useChannelLabel } from "@/components/app/use-labels";
import { formatDateTime } from "@/lib/format/dates";
import { STATE_TONE } from "./campaign-labels";

export type TCampaignRow = {
  id: string;
  name: string;
  channel: string;
  state: TCampaignState;
  stateChangedAt: Date;
  audienceKind: "segment" | "everyone";
  segmentName: string | null;
  latestAudienceCount: number | null;
};

/** Every campaign with its state and when it last changed; the name opens it. */
export function CampaignsTable({
  slug,
  rows,
  timeZone,
  editable,
}: {
  slug: string;
  rows: TCampaignRow[];
  timeZone: string;
  editable: boolean;
}) {
  const t = useTranslations("campaigns.list");
  const tc = useTranslations("common");
  const locale = useLocale();
  const channelLabel = useChannelLabel();
  const stateLabel = useCampaignStateLabel();
  if (!rows.length)
    return (
      <p className="px-5 py-10 text-center text-sm text-slate-500">
        {editable ? t("emptyEditable") : t("empty")}
      </p>
    );
  return (
    <Table>
      <thead>
        <tr>
          <Th>{tc("name")}</Th>
          <Th>{tc("channel")}</Th>
          <Th>{t("audience")}</Th>
          <Th>{t("state")}</Th>
          <Th className="text-right">{t("lastAudience")}</Th>
          <Th>{t("since")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id} data-testid={`campaign-${c.name}`}>
            <Td>
              <Link
                href={`/w/${slug}/campaigns/${c.id}`}
                className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
              >
                {c.name}
              </Link>
            </Td>
            <Td>{channelLabel(c.channel)}</Td>
            <Td>{c.audienceKind === "everyone" ? t("everyone") : (c.segmentName ?? "—")}</Td>
            <Td>
              <Badge tone={STATE_TONE[c.state]}>{stateLabel(c.state)}</Badge>
            </Td>
            <Td className="text-right tabular-nums">
              {c.latestAudienceCount === null ? "—" : c.latestAudienceCount.toLocaleString(locale)}
            </Td>
            <Td className="whitespace-nowrap text-slate-600">
              {formatDateTime(new Date(c.stateChangedAt), timeZone, locale)}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
