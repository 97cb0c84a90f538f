"use client";
import { useTranslations } from "next-intl";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConditionForm } from "./condition-form";
import { TextField } from "./form-bits";
import type { TFormProps } from "../editor/editor-options";

type R = Record<string, unknown>;

export function BranchForm({ data, set, disabled, options, fieldErrors }: TFormProps) {
  const t = useTranslations("journeys.branch");
  return (
    <div className="space-y-3">
      <ConditionForm
        label={t("condition")}
        path="condition"
        fieldErrors={fieldErrors}
        value={(data.condition ?? {}) as R}
        disabled={disabled}
        options={options}
        onChange={(c, key) => set({ ...data, condition: c }, key)}
      />
      <p className="text-xs text-slate-500">{t.rich("hint", { b: (chunks) => <b>{chunks}</b> })}</p>
    </div>
  );
}

/** Cases checked in order; the first that matches wins, else "else". */
export function MultiBranchForm({ data, set, disabled, options, fieldErrors }: TFormProps) {
  const cases = (Array.isArray(data.cases) ? data.cases : []) as R[];
  const put = (next: R[], key?: string) => set({ ...data, cases: next }, key);
  const t = useTranslations("journeys.branch");
  const nextId = () => {
    for (let i = cases.length + 1; ; i++)
      if (!cases.some((c) => c.id === `case_${i}`)) return `case_${i}`;
  };
  return (
    <div className="space-y-4">
      {cases.map((c, i) => (
        <fieldset key={String(c.id)} className="space-y-3 rounded-lg border border-slate-200 p-3">
          <div className="flex items-end gap-2">
            <div className="flex-1">
              <TextField
                label={t("caseLabel", { n: i + 1 })}
                value={String(c.label ?? "")}
                disabled={disabled}
                onChange={(v) =>
                  put(
                    cases.map((x, j) => (j === i ? { ...x, label: v } : x)),
                    `case${i}.label`,
                  )
                }
              />
            </div>
            {!disabled && cases.length > 1 ? (
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={t("removeCase", { n: i + 1 })}
                onClick={() => put(cases.filter((_, j) => j !== i))}
              >
                <Trash2 />
              </Button>
            ) : null}
          </div>
          <ConditionForm
            label={t("case", { n: i + 1 })}
            path={`cases.${i}.condition`}
            fieldErrors={fieldErrors}
            value={(c.condition ?? {}) as R}
            disabled={disabled}
            options={options}
            onChange={(cond, key) =>
              put(
                cases.map((x, j) => (j === i ? { ...x, condition: cond } : x)),
                key,
              )
            }
          />
        </fieldset>
      ))}
      {!disabled && cases.length < 10 ? (
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => {
            const id = nextId();
            put([
              ...cases,
              {
                id,
                label: `Case ${cases.length + 1}`,
                condition: {
                  kind: "attribute",
                  filter: { property: "", type: "string", op: "equals", value: "" },
                },
              },
            ]);
          }}
        >
          <Plus /> {t("addCase")}
        </Button>
      ) : null}
      <p className="text-xs text-slate-500">
        {t.rich("elseHint", { b: (chunks) => <b>{chunks}</b> })}
      </p>
    </div>
  );
}
