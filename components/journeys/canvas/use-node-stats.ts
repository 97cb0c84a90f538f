"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import type { CanvasDecorations, TNodeStats } from "./canvas-decorations";

export type TJourneyStats = {
  nodes: Record<string, TNodeStats>;
  totals: { entered: number; active: number; completed: number; converted: number };
};

/** Per-node counts of a published journey, polled every 5 s and painted on the nodes. */
export function useNodeStats(url: string, enabled: boolean, decorations: CanvasDecorations) {
  const q = useQuery({
    queryKey: ["journey-stats", url],
    queryFn: async () => {
      const res = await fetch(url);
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
  return enabled ? q.data?.totals : undefined;
}
