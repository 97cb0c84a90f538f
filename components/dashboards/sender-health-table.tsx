import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";

type TRow = {
  /** A provider's row, or a sending domain's (`domain` set). */
  provider?: string;
  domain?: string;
  sent: number;
  bounces: number;
  complaints: number;
  bounceRate: number;
  complaintRate: number;
  overComplaintLine: boolean;
};

/**
 * Bounce and complaint rates per sending provider or per sending domain, the ones over the
 * complaint line marked.
 */
export function SenderHealthTable({
  rows,
  by = "provider",
}: {
  rows: TRow[];
  by?: "provider" | "domain";
}) {
  const t = useTranslations("dashboards.overview.senders.table");
  const locale = useLocale();
  const num = (n: number) => n.toLocaleString(locale);
  const pct = (r: number) =>
    r.toLocaleString(locale, {
      style: "percent",
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
  return (
    <Table>
      <thead>
        <tr>
          <Th>{t(by)}</Th>
          <Th className="text-right">{t("sent")}</Th>
          <Th className="text-right">{t("bounces")}</Th>
          <Th className="text-right">{t("bounceRate")}</Th>
          <Th className="text-right">{t("complaints")}</Th>
          <Th className="text-right">{t("complaintRate")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const name = (by === "domain" ? r.domain : r.provider) ?? "";
          return (
            <tr
              key={name}
              data-testid={by === "domain" ? `sending-domain-${name}` : `sender-${name}`}
            >
              <Td className="font-medium">{name}</Td>
              <Td className="text-right tabular-nums">{num(r.sent)}</Td>
              <Td className="text-right tabular-nums">{num(r.bounces)}</Td>
              <Td className="text-right tabular-nums">{pct(r.bounceRate)}</Td>
              <Td className="text-right tabular-nums">{num(r.complaints)}</Td>
              <Td className="text-right tabular-nums">
                {pct(r.complaintRate)}{" "}
                {r.overComplaintLine ? <Badge tone="red">{t("overLine")}</Badge> : null}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
