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
  return (
    <Table>
      <thead>
        <tr>
          <Th>{nameHeader}</Th>
          <Th className="text-right">Sent</Th>
          <Th className="text-right">Delivered</Th>
          <Th className="text-right">Delivery rate</Th>
          <Th className="text-right">Open rate</Th>
          <Th className="text-right">Click rate</Th>
          <Th className="text-right">Bounce rate</Th>
          <Th className="text-right">Opt-out rate</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <Td>
              <span className="font-medium text-slate-900">{r.name}</span>
              {r.sub ? <span className="ml-2 text-xs text-slate-500">{r.sub}</span> : null}
            </Td>
            <Td className="text-right tabular-nums">{formatCount(r.sent)}</Td>
            <Td className="text-right tabular-nums">{formatCount(r.delivered)}</Td>
            <Td className="text-right tabular-nums">{formatPercent(r.deliveryRate)}</Td>
            <Td className="text-right tabular-nums" title={`${formatCount(r.opened)} opened`}>
              {formatPercent(r.openRate)}
            </Td>
            <Td className="text-right tabular-nums" title={`${formatCount(r.clicked)} clicked`}>
              {formatPercent(r.clickRate)}
            </Td>
            <Td className="text-right tabular-nums" title={`${formatCount(r.bounced)} bounced`}>
              {formatPercent(r.bounceRate)}
            </Td>
            <Td
              className="text-right tabular-nums"
              title={`${formatCount(r.unsubscribed)} opted out`}
            >
              {formatPercent(r.unsubscribeRate)}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
