"use client";
import { useTranslations } from "next-intl";
import { memo } from "react";
import type { TCanvasNode } from "@/lib/journeys/canvas/canvas-state";
import type { TGraphError } from "@/lib/journeys/graph/validate-graph";
import type { TSampleContact } from "@/db/queries/sample-contacts";
import { cn } from "@/lib/utils";
import { useCanvasContext } from "../canvas/canvas-context";
import { ATTRIBUTES_LIST, EVENTS_LIST, type TEditorOptions } from "./editor-options";
import { Suggestions } from "../node-forms/form-bits";
import type { journeyApi, TSimulation } from "./journey-api";
import { NodeForm } from "../node-forms/node-form";
import { PublishProblems } from "./publish-problems";
import { SettingsForm } from "../node-forms/settings-form";
import { TestPanel } from "./test-panel";

export type TPanel = "step" | "settings" | "test" | "problems";

type Props = {
  /** The canvas revision: bumps on every edit of the journey (not on drag frames). */
  revision: number;
  panel: TPanel;
  setPanel: (p: TPanel) => void;
  selectedNode: TCanvasNode | undefined;
  errors: TGraphError[];
  options: TEditorOptions;
  settings: Record<string, unknown>;
  onSettings: (s: Record<string, unknown>) => void;
  onNodeData: (id: string, data: Record<string, unknown>, key?: string) => void;
  onDelete: () => void;
  onPick: (nodeId: string) => void;
  labelOf: (nodeId: string) => string;
  slug: string;
  contacts: TSampleContact[];
  simulate: ReturnType<typeof journeyApi>["simulate"];
  onSimulated: (sim: TSimulation | null) => void;
  templateName: (id: string) => string;
};

/**
 * Re-renders only when what it shows changes. A drag moves the selected node on every frame but
 * changes neither its data nor the journey's revision, so the forms sit still while it happens;
 * callbacks are compared by the revision they were made at, not by identity.
 */
export const EditorSidePanel = memo(
  SidePanel,
  (a, b) =>
    a.revision === b.revision &&
    a.panel === b.panel &&
    a.errors === b.errors &&
    a.settings === b.settings &&
    a.options === b.options &&
    a.contacts === b.contacts &&
    a.selectedNode?.id === b.selectedNode?.id &&
    a.selectedNode?.data === b.selectedNode?.data &&
    a.selectedNode?.type === b.selectedNode?.type,
);

/** The right-hand panel: the selected step's form, journey settings, test on a contact, problems. */
function SidePanel(p: Props) {
  const { readOnly } = useCanvasContext();
  const t = useTranslations("journeys.editor");
  const tabs: [TPanel, string][] = [
    ["step", t("tabStep")],
    ["settings", t("tabSettings")],
    ["test", t("tabTest")],
    ...(p.errors.length
      ? [["problems", t("tabProblems", { count: p.errors.length })] as [TPanel, string]]
      : []),
  ];
  return (
    <aside
      className="flex w-[340px] shrink-0 flex-col border-l border-slate-200 bg-white"
      data-testid="side-panel"
    >
      <div role="tablist" className="flex border-b border-slate-200 px-2">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            role="tab"
            type="button"
            aria-selected={p.panel === id}
            onClick={() => p.setPanel(id)}
            className={cn(
              "border-b-2 px-3 py-2.5 text-sm",
              p.panel === id
                ? "border-brand-600 font-medium text-brand-700"
                : "border-transparent text-slate-600 hover:text-slate-900",
              id === "problems" && "text-red-600",
            )}
          >
            {label}
          </button>
        ))}
      </div>
      {/* Focusable: a read-only form has no field to scroll it by from the keyboard. */}
      <div className="min-h-0 flex-1 overflow-y-auto p-4" tabIndex={0}>
        {p.panel === "step" ? (
          p.selectedNode ? (
            <NodeForm
              node={p.selectedNode}
              options={p.options}
              onChange={p.onNodeData}
              onDelete={p.onDelete}
            />
          ) : (
            <p className="text-sm text-slate-500">
              {t("selectStep")}
              {readOnly ? "" : ` ${t("selectStepHint")}`}
            </p>
          )
        ) : null}
        {p.panel === "settings" ? (
          <SettingsForm settings={p.settings} onChange={p.onSettings} disabled={readOnly} />
        ) : null}
        {/* Kept mounted, so the last result survives a look at another tab. */}
        <div hidden={p.panel !== "test"}>
          <TestPanel
            slug={p.slug}
            contacts={p.contacts}
            simulate={p.simulate}
            onResult={p.onSimulated}
            labelOf={p.labelOf}
            templateName={p.templateName}
          />
        </div>
        {p.panel === "problems" ? (
          <PublishProblems errors={p.errors} labelOf={p.labelOf} onPick={p.onPick} />
        ) : null}
      </div>
      <Suggestions id={EVENTS_LIST} values={p.options.eventNames} />
      <Suggestions id={ATTRIBUTES_LIST} values={p.options.attributeKeys} />
    </aside>
  );
}
