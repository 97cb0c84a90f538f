"use client";
import { FolderPlus, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import { CONDITION_GROUP_DEPTH } from "@/lib/journeys/graph/node-data";
import { cn } from "@/lib/utils";
import type { TEditorOptions } from "../editor/editor-options";
import { ConditionForm, freshCondition } from "./condition-form";
import { FieldError } from "./form-bits";

type R = Record<string, unknown>;

/**
 * An AND/OR group of checks in a branch or case, laid out like the segment builder's groups: a
 * match word, each check with the joiner between them, and nested groups up to the depth publishing
 * accepts. Each child is labelled by its place ("Condition › 2 › 1"), so errors and tests can name it.
 */
export function ConditionGroupForm({
  value,
  onChange,
  disabled,
  options,
  label,
  path,
  fieldErrors,
  depth,
}: {
  value: R;
  onChange: (c: R, key?: string) => void;
  disabled: boolean;
  options: TEditorOptions;
  label: string;
  path: string;
  fieldErrors: Record<string, string>;
  depth: number;
}) {
  const t = useTranslations("journeys.condition");
  const match = value.match === "any" ? "any" : "all";
  const conditions = (Array.isArray(value.conditions) ? value.conditions : []) as R[];
  const put = (next: R[], key?: string) => onChange({ ...value, conditions: next }, key);
  const joiner = match === "all" ? t("and") : t("or");
  const other = match === "all" ? "any" : "all";
  return (
    <div
      className={cn(
        "space-y-2 rounded-lg border p-2",
        depth === 1 ? "border-slate-200 bg-slate-50" : "border-brand-100 bg-brand-50/40",
      )}
      data-testid={`condition-group-${label}`}
    >
      <div className="flex items-center gap-2 text-sm">
        <span className="text-slate-600">{t("matching")}</span>
        <NativeSelect
          aria-label={t("match", { label })}
          className="w-auto min-w-20"
          value={match}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, match: e.target.value })}
        >
          <option value="all">{t("all")}</option>
          <option value="any">{t("any")}</option>
        </NativeSelect>
        <span className="text-slate-600">{t("of")}</span>
      </div>
      {conditions.map((c, i) => {
        const childLabel = `${label} › ${i + 1}`;
        return (
          <div key={i}>
            {i > 0 ? (
              <div className="py-1 pl-2 text-xs font-semibold tracking-wide text-brand-700">
                {joiner}
              </div>
            ) : null}
            <div className="rounded-md border border-slate-200 bg-white p-2">
              <ConditionForm
                label={childLabel}
                path={`${path}.conditions.${i}`}
                fieldErrors={fieldErrors}
                value={c}
                disabled={disabled}
                options={options}
                depth={depth}
                onChange={(x, key) =>
                  put(
                    conditions.map((y, j) => (j === i ? x : y)),
                    key,
                  )
                }
              />
              {!disabled && conditions.length > 1 ? (
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  className="mt-1"
                  aria-label={t("removeHint", { label: childLabel })}
                  onClick={() => put(conditions.filter((_, j) => j !== i))}
                >
                  <Trash2 /> {t("remove")}
                </Button>
              ) : null}
            </div>
          </div>
        );
      })}
      <FieldError message={fieldErrors[`${path}.conditions`] ?? fieldErrors[path]} />
      {disabled ? null : (
        <div className="flex flex-wrap gap-2 pt-1">
          <Button
            type="button"
            variant="outline"
            size="sm"
            aria-label={t("addConditionHint", { label })}
            onClick={() => put([...conditions, freshCondition("did_event")])}
          >
            <Plus /> {t("addCondition")}
          </Button>
          {depth < CONDITION_GROUP_DEPTH ? (
            <Button
              type="button"
              variant="outline"
              size="sm"
              aria-label={t("addGroupHint", { label, match: other })}
              onClick={() =>
                put([
                  ...conditions,
                  { kind: "group", match: other, conditions: [freshCondition("did_event")] },
                ])
              }
            >
              <FolderPlus /> {t("addGroup", { match: other })}
            </Button>
          ) : null}
        </div>
      )}
    </div>
  );
}
