"use client";
import { useSyncExternalStore } from "react";
import type { TGraphError } from "@/lib/journeys/graph/validate-graph";

export type TNodeStats = {
  entered: number;
  waiting: number;
  passed: number;
  /** Passed by the way out they took (`yes`, `timed_out`, a case or variant id). */
  outcomes?: Record<string, number>;
};
export type TPathStep = {
  nodeId: string;
  kind: string;
  outcome?: string;
  at: string;
  detail?: unknown;
};
export type TNodeDecoration = {
  errors: TGraphError[];
  stats?: TNodeStats;
  pathIndex?: number;
  pathOutcome?: string;
};

const EMPTY: TNodeDecoration = { errors: [] };

/**
 * What the canvas paints over nodes (publish errors, live counts, a test path), outside React
 * Flow's node data so that a new count or error re-renders only the nodes it concerns, and
 * saving the draft never carries it.
 */
export class CanvasDecorations {
  private byNode = new Map<string, TNodeDecoration>();
  private listeners = new Set<() => void>();
  private errors: TGraphError[] = [];
  private stats: Record<string, TNodeStats> = {};
  private path: TPathStep[] = [];

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  };
  get = (nodeId: string): TNodeDecoration => this.byNode.get(nodeId) ?? EMPTY;
  private pathIds = "";
  /** The test path's node ids joined by commas: a string, so subscribers compare it cheaply. */
  pathKey = () => this.pathIds;

  setErrors(errors: TGraphError[]) {
    this.errors = errors;
    this.rebuild();
  }
  setStats(stats: Record<string, TNodeStats>) {
    this.stats = stats;
    this.rebuild();
  }
  setPath(path: TPathStep[]) {
    this.path = path;
    this.pathIds = path.map((p) => p.nodeId).join(",");
    this.rebuild();
  }

  private rebuild() {
    const next = new Map<string, TNodeDecoration>();
    const at = (id: string) => next.get(id) ?? (next.set(id, { errors: [] }), next.get(id)!);
    for (const e of this.errors) for (const id of e.nodeIds.slice(0, 1)) at(id).errors.push(e);
    for (const [id, s] of Object.entries(this.stats)) at(id).stats = s;
    this.path.forEach((p, i) => {
      const d = at(p.nodeId);
      d.pathIndex ??= i + 1;
      d.pathOutcome = p.outcome;
    });
    // Keep the old object where nothing changed, so useSyncExternalStore skips that node.
    for (const [id, d] of next) {
      const old = this.byNode.get(id);
      if (old && JSON.stringify(old) === JSON.stringify(d)) next.set(id, old);
    }
    this.byNode = next;
    for (const fn of this.listeners) fn();
  }
}

export function useNodeDecoration(store: CanvasDecorations, nodeId: string): TNodeDecoration {
  return useSyncExternalStore(
    store.subscribe,
    () => store.get(nodeId),
    () => EMPTY,
  );
}
