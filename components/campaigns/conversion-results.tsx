import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { TConversionResult } from "@/lib/campaigns/stats/conversion-results";
import { formatNumber } from "@/lib/format/numbers";

const pct = (x: number | null | undefined) => (x == null ? "—" : `${(x * 100).toFixed(1)}%`);

/**
 * A run's conversions per treatment and for the holdout, and each treatment's uplift over the
 * holdout with its significance: the one comparison that says whether sending did anything.
 */
export function ConversionResults({
  event,
  windowDays,
  rows,
  title,
}: {
  event: string;
  windowDays: number;
  rows: TConversionResult[];
  /** The heading when not a single run's (the across-runs totals). */
  title?: string;
}) {
  const t = useTranslations("campaigns.conversions");
  const locale = useLocale();
  const num = (x: number) => formatNumber(x, locale);
  const hasHoldout = rows.some((r) => r.treatment === null);
  return (
    <Card className="mt-6 p-6">
      <h2 className="text-base font-semibold">{title ?? t("title")}</h2>
      <p className="mt-1 text-sm text-slate-500">
        {t.rich("description", {
          event,
          days: windowDays,
          b: (chunks) => <span className="font-medium text-slate-700">{chunks}</span>,
        })}{" "}
        {hasHoldout ? t("withHoldout") : t("noHoldout")}
      </p>
      <Table className="mt-4" data-testid="conversion-results">
        <thead>
          <tr>
            <Th>{t("group")}</Th>
            <Th className="text-right">{t("contacts")}</Th>
            <Th className="text-right">{t("converted")}</Th>
            <Th className="text-right">{t("rate")}</Th>
            <Th>{t("uplift")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.treatment ?? "holdout"} data-testid={`conversion-${r.label}`}>
              <Td className="font-medium">{r.treatment === null ? t("holdout") : r.label}</Td>
              <Td className="text-right tabular-nums">{num(r.assigned)}</Td>
              <Td className="text-right tabular-nums" data-testid="converted">
                {num(r.converted)}
              </Td>
              <Td className="text-right tabular-nums">
                {pct(r.rate)}
                {r.interval ? (
                  <span className="block whitespace-nowrap text-xs text-slate-500">
                    {pct(r.interval.low)}–{pct(r.interval.high)}
                  </span>
                ) : null}
              </Td>
              <Td className="text-sm" data-testid="uplift">
                {r.vsHoldout
                  ? t(r.vsHoldout.significant ? "liftSignificant" : "liftNotSignificant", {
                      lift: `${r.vsHoldout.lift >= 0 ? "+" : ""}${(r.vsHoldout.lift * 100).toFixed(1)}`,
                      relative:
                        r.relativeUplift !== null
                          ? ` (${r.relativeUplift >= 0 ? "+" : ""}${(r.relativeUplift * 100).toFixed(0)}%)`
                          : "",
                      p: r.vsHoldout.pValue.toFixed(3),
                    })
                  : r.treatment === null
                    ? t("control")
                    : "—"}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
