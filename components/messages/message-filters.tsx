"use client";
import { FilterBar } from "@/components/ui/filter-bar";

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
}: {
  basePath: string;
  value: { channel: string; status: string; q: string };
  keep: Record<string, string>;
  channels: TOption[];
  statuses: TOption[];
}) {
  return (
    <FilterBar
      basePath={basePath}
      value={value}
      keep={keep}
      search={{
        name: "q",
        label: "Search recipients",
        placeholder: "Search by recipient: email, phone number or user id",
      }}
      selects={[
        { param: "channel", label: "Channel", allLabel: "All channels", options: channels },
        { param: "status", label: "Status", allLabel: "All statuses", options: statuses },
      ]}
    />
  );
}
