import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { TCampaignState } from "@/db/schema";
import { channelLabel } from "@/lib/channels/channel-meta";
import { formatDateTime } from "@/lib/format/dates";
import { STATE_LABEL, STATE_TONE } from "./campaign-labels";

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
  if (!rows.length)
    return (
      <p className="px-5 py-10 text-center text-sm text-slate-500">
        No campaigns yet.{editable ? " Create one to send a template to a segment." : ""}
      </p>
    );
  return (
    <Table>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Channel</Th>
          <Th>Audience</Th>
          <Th>State</Th>
          <Th className="text-right">Last audience</Th>
          <Th>Since</Th>
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
            <Td>{c.audienceKind === "everyone" ? "Everyone" : (c.segmentName ?? "—")}</Td>
            <Td>
              <Badge tone={STATE_TONE[c.state]}>{STATE_LABEL[c.state]}</Badge>
            </Td>
            <Td className="text-right tabular-nums">
              {c.latestAudienceCount === null ? "—" : c.latestAudienceCount.toLocaleString("en")}
            </Td>
            <Td className="whitespace-nowrap text-slate-600">
              {formatDateTime(new Date(c.stateChangedAt), timeZone)}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
