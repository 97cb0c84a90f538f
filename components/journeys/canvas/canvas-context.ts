"use client";
import { createContext, useContext } from "react";
import type { TSummaryContext } from "@/lib/journeys/canvas/summarize-node";
import { CanvasDecorations } from "./canvas-decorations";

export type TCanvasContext = {
  decorations: CanvasDecorations;
  summary: TSummaryContext;
  readOnly: boolean;
};

export const CanvasContext = createContext<TCanvasContext>({
  decorations: new CanvasDecorations(),
  summary: { template: () => undefined, segment: () => undefined },
  readOnly: true,
});
export const useCanvasContext = () => useContext(CanvasContext);
