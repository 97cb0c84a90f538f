"use client";
import { useState } from "react";
import type { TRangeValue } from "@/components/ui/filter-query";
import type { CanvasDecorations } from "../canvas/canvas-decorations";
import { useNodeStats } from "../canvas/use-node-stats";

/**
 * A published journey's counts on its canvas, for the range chosen in the counts bar: the
 * dashboards' default (the last 30 days) until the marketer picks another.
 */
export function useCanvasCounts(
  statsUrl: string,
  published: boolean,
  decorations: CanvasDecorations,
) {
  const [countsRange, setCountsRange] = useState<TRangeValue>({ range: "30d", from: "", to: "" });
  const stats = useNodeStats(statsUrl, published, decorations, countsRange);
  return {
    hasCounts: published,
    countsRange,
    setCountsRange,
    totals: stats?.totals,
    countedDays: stats?.range,
  };
}
