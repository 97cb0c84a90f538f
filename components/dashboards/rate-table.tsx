import { useLocale, useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { formatCount, formatPercent } from "@/lib/analytics/format-figures";

export type TRateRow = {
  key: string;
  name: string;
  sub?: string;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  bounced: number;
  unsubscribed: number;
  deliveryRate: number | null;
  openRate: number | null;
  clickRate: number | null;
  bounceRate: number | null;
  unsubscribeRate: number | null;
};

/** Counts with their rates beside them; the base of each rate is in its header. */
export function RateTable({ rows, nameHeader }: { rows: TRateRow[]; nameHeader: string }) {
  const t = useTranslations("dashboards.rates");
  const locale = useLocale();
  const count = (n: number) => formatCount(n, locale);
  const pct = (r: number | null) => formatPercent(r, 1, locale);
  return (
    <Table>
      <thead>
        <tr>
          <Th>{nameHeader}</Th>
          <Th className="text-right">{t("sent")}</Th>
          <Th className="text-right">{t("delivered")}</Th>
          <Th className="text-right">{t("deliveryRate")}</Th>
          <Th className="text-right">{t("openRate")}</Th>
          <Th className="text-right">{t("clickRate")}</Th>
          <Th className="text-right">{t("bounceRate")}</Th>
          <Th className="text-right">{t("optOutRate")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <Td>
              <span className="font-medium text-slate-900">{r.name}</span>
              {r.sub ? <span className="ml-2 text-xs text-slate-500">{r.sub}</span> : null}
            </Td>
            <Td className="text-right tabular-nums">{count(r.sent)}</Td>
            <Td className="text-right tabular-nums">{count(r.delivered)}</Td>
            <Td className="text-right tabular-nums">{pct(r.deliveryRate)}</Td>
            <Td className="text-right tabular-nums" title={t("opened", { n: count(r.opened) })}>
              {pct(r.openRate)}
            </Td>
            <Td className="text-right tabular-nums" title={t("clicked", { n: count(r.clicked) })}>
              {pct(r.clickRate)}
            </Td>
            <Td className="text-right tabular-nums" title={t("bounced", { n: count(r.bounced) })}>
              {pct(r.bounceRate)}
            </Td>
            <Td
              className="text-right tabular-nums"
              title={t("optedOut", { n: count(r.unsubscribed) })}
            >
              {pct(r.unsubscribeRate)}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
