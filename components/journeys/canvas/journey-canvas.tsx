"use client";
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useMemo, useRef, useSyncExternalStore, type DragEvent } from "react";
import type { TCanvasEdge, TCanvasNode } from "@/lib/journeys/canvas/canvas-state";
import { NODE_KINDS, type TNodeKind } from "@/lib/journeys/graph/node-data";
import { useCanvasContext } from "./canvas-context";
import { JourneyNode } from "./journey-node";
import { DRAG_MIME, MINIMAP_COLOR } from "./node-kinds";
import { EdgeRoutingContext, RoutedEdge, useEdgeRouting } from "./routed-edge";
import { useAccessibleElements } from "./use-accessible-elements";

const nodeTypes = Object.fromEntries(NODE_KINDS.map((k) => [k, JourneyNode]));
const edgeTypes = { routed: RoutedEdge };
// Edges run around nodes and name their outcome (routed-edge.tsx); saved drafts carry no edge type.
const defaultEdgeOptions = { type: "routed", style: { strokeWidth: 2, stroke: "#94a3b8" } };
const minimapColor = (n: { type?: string }) =>
  MINIMAP_COLOR[(n.type ?? "exit") as TNodeKind] ?? "#94a3b8";
const PATH_EDGE = { stroke: "#059669", strokeWidth: 3 };
// What React Flow tells screen readers on a focused step or connection (see use-canvas-keyboard.ts).
const STEP_HELP =
  "Press Enter to open the step's form, Space to select it, arrow keys to move it, Delete to remove it. Tab reaches its outputs: Enter on an output starts a connection.";
const ariaLabelConfig = {
  "node.a11yDescription.default": STEP_HELP,
  "node.a11yDescription.keyboardDisabled": STEP_HELP,
  "edge.a11yDescription.default":
    "Press Enter or Space to select this connection, then Delete to remove it.",
};

type Props = {
  nodes: TCanvasNode[];
  edges: TCanvasEdge[];
  onNodesChange: (c: NodeChange<TCanvasNode>[]) => void;
  onEdgesChange: (c: EdgeChange[]) => void;
  onConnect: (c: Connection) => void;
  onDropKind: (kind: TNodeKind, position: { x: number; y: number }) => void;
};

/** React Flow with the journey's node types; pan, zoom, minimap, and drops from the palette. */
export function JourneyCanvas({
  nodes,
  edges,
  onNodesChange,
  onEdgesChange,
  onConnect,
  onDropKind,
}: Props) {
  const { readOnly, decorations, summary } = useCanvasContext();
  const { screenToFlowPosition } = useReactFlow();
  const routing = useEdgeRouting(nodes, summary.words);
  const pathKey = useSyncExternalStore(
    decorations.subscribe,
    () => decorations.pathKey(),
    () => "",
  );
  // Edges walked by the test path turn green; the rest keep their object identity.
  const shownEdges = useMemo<Edge[]>(() => {
    if (!pathKey) return edges;
    const steps = pathKey.split(",");
    const walked = new Set(steps.slice(1).map((to, i) => `${steps[i]}>${to}`));
    return edges.map((e) =>
      walked.has(`${e.source}>${e.target}`) ? { ...e, animated: true, style: PATH_EDGE } : e,
    );
  }, [edges, pathKey]);
  const named = useAccessibleElements(nodes, shownEdges);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(DRAG_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
  }, []);
  // Counts the times the view came to rest (after a pan, a zoom or a fit's animation), so a test
  // can wait for "Tidy up layout" to finish moving the view instead of sleeping. Set on the
  // element directly: counting must not re-render the canvas.
  const canvasRef = useRef<HTMLDivElement>(null);
  const onMoveEnd = useCallback(() => {
    const el = canvasRef.current;
    if (el) el.dataset.viewRested = String(Number(el.dataset.viewRested ?? 0) + 1);
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(DRAG_MIME) as TNodeKind;
      if (!NODE_KINDS.includes(kind)) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      // Centre the node under the pointer (nodes are 260 wide, ~90 high).
      onDropKind(kind, { x: p.x - 130, y: p.y - 40 });
    },
    [screenToFlowPosition, onDropKind],
  );

  return (
    <div
      className="relative min-w-0 flex-1"
      onDragOver={readOnly ? undefined : onDragOver}
      onDrop={readOnly ? undefined : onDrop}
      data-testid="canvas"
      ref={canvasRef}
    >
      <EdgeRoutingContext.Provider value={routing}>
        <ReactFlow
          nodes={named.nodes}
          edges={named.edges}
          ariaLabelConfig={ariaLabelConfig}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={readOnly ? undefined : onConnect}
          onMoveEnd={onMoveEnd}
          defaultEdgeOptions={defaultEdgeOptions}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          deleteKeyCode={null}
          selectionKeyCode={readOnly ? null : "Shift"}
          multiSelectionKeyCode={["Meta", "Control"]}
          fitView
          fitViewOptions={{ maxZoom: 1, padding: 0.2 }}
          minZoom={0.1}
          onlyRenderVisibleElements={nodes.length > 80}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={20} color="#cbd5e1" />
          <Controls showInteractive={false} />
          <MiniMap nodeColor={minimapColor} pannable zoomable className="!bg-white" />
        </ReactFlow>
      </EdgeRoutingContext.Provider>
    </div>
  );
}
