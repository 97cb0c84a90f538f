"use client";
import type { Connection } from "@xyflow/react";
import { useTranslations } from "next-intl";
import type { TSummaryWords } from "@/lib/journeys/canvas/summary-words";
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from "react";
import type { TCanvasState } from "@/lib/journeys/canvas/canvas-state";
import { describeGraphChange } from "./describe-graph-change";

export type TKeyboardConnect = { source: string; sourceHandle: string | null; label: string };

const NODE = ".react-flow__node";
const SOURCE_HANDLE = ".react-flow__handle.source";
const nodeSelector = (id: string) => `${NODE}[data-id="${CSS.escape(id)}"]`;

/**
 * The canvas from the keyboard. Tab walks the steps and each step's outputs (React Flow makes the
 * steps focusable; JourneyNode makes the outputs buttons). On a step, Enter opens its form and
 * Escape in the form comes back; Space selects, arrows move the selected step, Delete removes it.
 * On an output, Enter starts a connection: Tab to a step and press Enter to connect it, Escape
 * cancels. A step added from the palette takes the focus. Every edit, undo and redo is announced
 * in a polite live region.
 */
export function useCanvasKeyboard({
  graph,
  canvasRef,
  onConnect,
  openForm,
  labelOf,
  enabled,
}: {
  graph: TCanvasState;
  /** The box around the canvas: node and handle elements are looked up inside it. */
  canvasRef: RefObject<HTMLDivElement | null>;
  onConnect: (c: Connection) => void;
  /** Select the step and show its form in the side panel. */
  openForm: (nodeId: string) => void;
  labelOf: (nodeId: string) => string;
  enabled: boolean;
}) {
  const t = useTranslations("journeys");
  const [message, setMessage] = useState("");
  const [connecting, setConnecting] = useState<TKeyboardConnect | null>(null);
  // A new message each time, even when the words repeat, so it is read again.
  const announce = useCallback(
    (text: string) => setMessage((m) => (m === text ? `${text}\u00a0` : text)),
    [],
  );
  // A step just added is drawn a frame or two later (React Flow measures it first, hidden): try
  // again on the next frames until it takes the focus.
  const focusNode = useCallback(
    (id: string) => {
      let frames = 30;
      const attempt = () => {
        const el = canvasRef.current?.querySelector<HTMLElement>(nodeSelector(id));
        el?.focus();
        if (el && document.activeElement === el) return;
        if (frames-- > 0) requestAnimationFrame(attempt);
      };
      attempt();
    },
    [canvasRef],
  );
  /** The step whose form should take the focus once it is shown. */
  const formFor = useRef<string | null>(null);

  const onKeyDownCapture = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (!enabled) return;
      const el = e.target as HTMLElement;
      const activate = e.key === "Enter" || e.key === " ";
      if (e.key === "Escape" && connecting) {
        e.preventDefault();
        e.stopPropagation();
        setConnecting(null);
        announce(t("canvas.announce.cancelled"));
        return;
      }
      if (activate && el.matches(SOURCE_HANDLE)) {
        e.preventDefault();
        e.stopPropagation();
        const source = el.dataset.nodeid;
        if (!source) return;
        const label = el.getAttribute("aria-label") ?? labelOf(source);
        setConnecting({ source, sourceHandle: el.dataset.handleid || null, label });
        announce(t("canvas.announce.connecting", { label }));
        return;
      }
      if (activate && el.matches(NODE)) {
        const target = el.dataset.id;
        if (!target) return;
        if (connecting) {
          e.preventDefault();
          e.stopPropagation();
          setConnecting(null);
          if (target === connecting.source) return announce(t("canvas.announce.self"));
          if (graph.nodes.find((n) => n.id === target)?.type === "trigger")
            return announce(t("canvas.announce.intoTrigger"));
          onConnect({
            source: connecting.source,
            sourceHandle: connecting.sourceHandle,
            target,
            targetHandle: null,
          });
          return;
        }
        if (e.key === "Enter") {
          e.preventDefault();
          e.stopPropagation();
          formFor.current = target;
          openForm(target);
        }
      }
    },
    [enabled, connecting, graph.nodes, announce, labelOf, onConnect, openForm, t],
  );

  useFocusOpenedForm(formFor);
  useEscapeBackToStep(enabled, focusNode);
  useAnnounceEdits(graph, announce, focusNode, enabled, t);

  return { message, connecting, onKeyDownCapture };
}

/** The form of a step opened with Enter takes the focus once it is on screen. */
function useFocusOpenedForm(formForRef: RefObject<string | null>) {
  useEffect(() => {
    const id = formForRef.current;
    if (!id) return;
    const form = document.querySelector<HTMLElement>(
      `[data-testid="node-form"][data-node-id="${CSS.escape(id)}"]`,
    );
    if (!form) return;
    formForRef.current = null;
    // Its first field; a step without fields (Exit) focuses the form itself, not its Delete button.
    const field = form.querySelector<HTMLElement>("input, select, textarea");
    if (field) return field.focus();
    form.tabIndex = -1;
    form.focus();
  });
}

/** Escape in a step's form goes back to the step on the canvas. */
function useEscapeBackToStep(enabled: boolean, focusNode: (id: string) => void) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented || !(e.target instanceof HTMLElement)) return;
      const form = e.target.closest<HTMLElement>('[data-testid="node-form"]');
      const id = form?.dataset.nodeId;
      if (id) focusNode(id);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled, focusNode]);
}

/** Says what each edit did, and keeps the focus on the canvas when its element went away. */
function useAnnounceEdits(
  graph: TCanvasState,
  announce: (text: string) => void,
  focusNode: (id: string) => void,
  enabled: boolean,
  t: Parameters<typeof describeGraphChange>[2],
) {
  const summaryWords = useTranslations("journeys.summary") as unknown as TSummaryWords;
  const previous = useRef(graph);
  useEffect(() => {
    const before = previous.current;
    previous.current = graph;
    if (before === graph || (before.nodes === graph.nodes && before.edges === graph.edges)) return;
    const change = describeGraphChange(before, graph, t, summaryWords);
    if (!change) return;
    announce(change.text);
    if (!enabled) return;
    const active = document.activeElement as HTMLElement | null;
    const fromPalette = active?.closest('[data-testid="palette"]');
    // React Flow removes a deleted step's element a render later: a focus on it is as good as lost.
    const on = active?.dataset.id ?? active?.dataset.nodeid;
    const lost =
      !active ||
      active === document.body ||
      !active.isConnected ||
      (!!on &&
        active.matches(`${NODE}, ${SOURCE_HANDLE}`) &&
        !graph.nodes.some((n) => n.id === on));
    if (change.focus && (fromPalette || lost)) focusNode(change.focus);
  }, [graph, announce, focusNode, enabled, t, summaryWords]);
}
