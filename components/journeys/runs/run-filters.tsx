"use client";
import { FilterBar } from "@/components/ui/filter-bar";

const STATUSES = ["active", "failed", "completed", "exited", "cancelled"];
const STATUS_OPTIONS = STATUSES.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }));

/** Journey, status and contact search, kept in the URL; a change starts again from the newest page. */
export function RunFilters({
  basePath,
  value,
  journeys,
}: {
  basePath: string;
  value: { journey: string; status: string; q: string };
  journeys: { id: string; name: string }[];
}) {
  return (
    <FilterBar
      basePath={basePath}
      value={value}
      search={{ label: "Search contacts", placeholder: "Contact: user id or email" }}
      selects={[
        {
          param: "journey",
          label: "Journey",
          allLabel: "All journeys",
          options: journeys.map((j) => ({ value: j.id, label: j.name })),
          className: "w-48",
        },
        { param: "status", label: "Status", allLabel: "All statuses", options: STATUS_OPTIONS },
      ]}
    />
  );
}
