"use client";
import { useTranslations } from "next-intl";
import { Trash2 } from "lucide-react";
import { useMemo, type ComponentType } from "react";
import { Button } from "@/components/ui/button";
import type { TCanvasNode } from "@/lib/journeys/canvas/canvas-state";
import { describeErrorPath, nodeFieldErrors } from "@/lib/journeys/canvas/field-errors";
import { defaultStepName } from "@/lib/journeys/canvas/step-name";
import { STEP_NAME_MAX } from "@/lib/journeys/graph/node-data";
import type { TNodeKind } from "@/lib/journeys/graph/node-data";
import { cn } from "@/lib/utils";
import { usePathWords } from "../editor/use-path-words";
import { AbSplitForm, HoldoutForm } from "./split-forms";
import { TextField } from "./form-bits";
import { BranchForm, MultiBranchForm } from "./branch-forms";
import { SendForm, UpdateContactForm, WebhookForm } from "./action-forms";
import { TriggerForm } from "./trigger-form";
import { WaitForEventForm, WaitForm } from "./wait-forms";
import { useNodeDecoration } from "../canvas/canvas-decorations";
import { useCanvasContext } from "../canvas/canvas-context";
import type { TEditorOptions, TFormProps } from "../editor/editor-options";
import { NODE_KIND_META } from "../canvas/node-kinds";
import { ErrorAlert } from "@/components/ui/error-alert";

const FORMS: Record<TNodeKind, ComponentType<TFormProps> | null> = {
  trigger: TriggerForm,
  wait: WaitForm,
  wait_for_event: WaitForEventForm,
  branch: BranchForm,
  multi_branch: MultiBranchForm,
  ab_split: AbSplitForm,
  holdout: HoldoutForm,
  send: SendForm,
  update_contact: UpdateContactForm,
  webhook: WebhookForm,
  exit: null,
};

/** The selected step's settings, its publish problems, and a delete button. */
export function NodeForm({
  node,
  options,
  onChange,
  onDelete,
}: {
  node: TCanvasNode;
  options: TEditorOptions;
  onChange: (id: string, data: Record<string, unknown>, key?: string) => void;
  onDelete: () => void;
}) {
  const { readOnly, decorations, summary } = useCanvasContext();
  const { errors } = useNodeDecoration(decorations, node.id);
  const fieldErrors = useMemo(() => nodeFieldErrors(errors), [errors]);
  const kind = node.type ?? "exit";
  const meta = NODE_KIND_META[kind];
  const t = useTranslations("journeys.form");
  const tk = useTranslations("journeys.kinds");
  const pathWords = usePathWords();
  const Form = FORMS[kind];
  const Icon = meta.icon;
  return (
    <div className="space-y-4" data-testid="node-form" data-node-id={node.id}>
      <div className="flex items-center gap-2">
        <span className={cn("flex size-8 items-center justify-center rounded-lg", meta.tone)}>
          <Icon className="size-4" aria-hidden />
        </span>
        <div className="min-w-0 flex-1">
          <h2 className="font-semibold text-slate-900">{tk(`${kind}.label`)}</h2>
          <p className="text-xs text-slate-500">{tk(`${kind}.hint`)}</p>
        </div>
        {!readOnly ? (
          <Button
            type="button"
            variant="ghost"
            size="icon"
            aria-label={t("deleteStep")}
            data-mutates
            onClick={onDelete}
          >
            <Trash2 />
          </Button>
        ) : null}
      </div>
      {errors.length ? (
        <ErrorAlert
          as="ul"
          variant="field"
          className="space-y-1 rounded-md border border-red-200 bg-red-50 p-2 text-red-700"
        >
          {errors.map((e, i) => {
            const where = describeErrorPath(e.path, pathWords);
            return <li key={i}>{where ? `${where}: ${e.message}` : e.message}</li>;
          })}
        </ErrorAlert>
      ) : null}
      {/* The name dashboards, the message log and runs show; empty means "what it does". */}
      <TextField
        label={t("stepName")}
        value={typeof node.data.name === "string" ? node.data.name : ""}
        placeholder={defaultStepName(kind, node.data, summary)}
        hint={t("stepNameHint")}
        disabled={readOnly}
        error={fieldErrors.name}
        onChange={(v) => {
          const { name: _old, ...rest } = node.data;
          const name = v.slice(0, STEP_NAME_MAX);
          onChange(node.id, name ? { ...rest, name } : rest, `${node.id}.name`);
        }}
      />
      {Form ? (
        <Form
          nodeId={node.id}
          data={node.data}
          disabled={readOnly}
          options={options}
          fieldErrors={fieldErrors}
          set={(data, key) => onChange(node.id, data, key ? `${node.id}.${key}` : undefined)}
        />
      ) : (
        <p className="text-sm text-slate-500">{t("exitHint")}</p>
      )}
    </div>
  );
}
