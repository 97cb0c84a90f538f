"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import type { TRangeValue } from "@/components/ui/filter-query";
import type { CanvasDecorations, TNodeStats } from "./canvas-decorations";

export type TJourneyStats = {
  range: { from: string; to: string };
  nodes: Record<string, TNodeStats>;
  totals: { entered: number; active: number; completed: number; converted: number };
};

/** The stats query of a range, as the dashboards' URLs spell it. */
export function rangeQuery(r: TRangeValue): string {
  const s = new URLSearchParams({ range: r.range });
  if (r.range === "custom") {
    s.set("from", r.from);
    s.set("to", r.to);
  }
  return s.toString();
}

/**
 * Per-node counts of a published journey for a range of days, from the dashboard's rollups
 * (refreshed every 30 s), polled every 5 s and painted on the nodes and their edges.
 */
export function useNodeStats(
  url: string,
  enabled: boolean,
  decorations: CanvasDecorations,
  range: TRangeValue,
) {
  const q = useQuery({
    queryKey: ["journey-stats", url, rangeQuery(range)],
    queryFn: async () => {
      const res = await fetch(`${url}?${rangeQuery(range)}`);
      if (!res.ok) throw new Error(`stats ${res.status}`);
      return (await res.json()) as TJourneyStats;
    },
    enabled,
    refetchInterval: 5_000,
    staleTime: 0,
  });
  useEffect(() => {
    decorations.setStats(enabled && q.data ? q.data.nodes : {});
  }, [decorations, enabled, q.data]);
  return enabled ? q.data : undefined;
}
