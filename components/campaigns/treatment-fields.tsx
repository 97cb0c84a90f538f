"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";

export type TTemplateOption = {
  id: string;
  name: string;
  channel: string;
  publishedVersion: number;
};
export type TTreatmentRow = { key: number; label: string; templateId: string; percent: number };

const LABELS = ["A", "B", "C", "D", "E"];
export const MAX_TREATMENTS = 5;

/** Splits 100 % evenly over `n` treatments, the remainder to the first ones. */
const evenSplit = (n: number) =>
  Array.from({ length: n }, (_, i) => Math.floor(100 / n) + (i < 100 % n ? 1 : 0));

/** The editor's treatments: one is a plain send; two to five are an A/B test. */
export function useTreatments(firstTemplateId: string) {
  const [rows, setRows] = useState<TTreatmentRow[]>([
    { key: 0, label: "A", templateId: firstTemplateId, percent: 100 },
  ]);
  const [nextKey, setNextKey] = useState(1);
  const add = (templateId: string) => {
    if (rows.length >= MAX_TREATMENTS) return;
    const split = evenSplit(rows.length + 1);
    const used = new Set(rows.map((r) => r.label));
    const label = LABELS.find((l) => !used.has(l)) ?? `T${rows.length + 1}`;
    setRows(
      [...rows, { key: nextKey, label, templateId, percent: 0 }].map((r, i) => ({
        ...r,
        percent: split[i]!,
      })),
    );
    setNextKey(nextKey + 1);
  };
  const remove = (key: number) => {
    const left = rows.filter((r) => r.key !== key);
    const split = evenSplit(left.length);
    setRows(left.map((r, i) => ({ ...r, percent: split[i]! })));
  };
  const update = (key: number, patch: Partial<TTreatmentRow>) =>
    setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  /** A new channel's templates: every treatment takes its first one. */
  const resetTemplates = (templateId: string) => setRows(rows.map((r) => ({ ...r, templateId })));
  return { rows, add, remove, update, resetTemplates };
}

type TState = ReturnType<typeof useTreatments>;

/** One row per treatment: its label, template (latest published version) and share. */
export function TreatmentFields({
  t,
  templates,
  err,
}: {
  t: TState;
  templates: TTemplateOption[];
  err: (k: string) => string | undefined;
}) {
  const tr = useTranslations("campaigns.treatments");
  const total = t.rows.reduce((s, r) => s + r.percent, 0);
  const ab = t.rows.length > 1;
  const rowError = (i: number) =>
    err(`treatments.${i}.templateId`) ??
    err(`treatments.${i}.templateVersion`) ??
    err(`treatments.${i}.label`) ??
    err(`treatments.${i}.percent`);
  return (
    <fieldset className="space-y-2" data-testid="treatments">
      <legend className="mb-1 block text-sm font-medium text-slate-700">
        {ab ? tr("titleAb") : tr("title")}
      </legend>
      {t.rows.map((r, i) => (
        <div key={r.key} className="space-y-1">
          <div className="grid grid-cols-[4.5rem_minmax(0,1fr)_5.5rem_auto] items-center gap-2">
            <Input
              aria-label={tr("aria.label", { n: i + 1 })}
              value={r.label}
              onChange={(e) => t.update(r.key, { label: e.target.value })}
              disabled={!ab}
            />
            <NativeSelect
              id={i === 0 ? "campaign-template" : undefined}
              aria-label={tr("aria.template", { label: r.label })}
              value={r.templateId}
              onChange={(e) => t.update(r.key, { templateId: e.target.value })}
            >
              {templates.length ? null : <option value="">{tr("noTemplate")}</option>}
              {templates.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tr("templateOption", { name: tpl.name, version: tpl.publishedVersion })}
                </option>
              ))}
            </NativeSelect>
            <div className="flex items-center gap-1">
              <Input
                aria-label={tr("aria.percent", { label: r.label })}
                type="number"
                min={1}
                max={100}
                value={r.percent}
                onChange={(e) => t.update(r.key, { percent: Number(e.target.value) || 0 })}
                disabled={!ab}
              />
              <span className="text-sm text-slate-500">%</span>
            </div>
            {ab ? (
              <Button
                type="button"
                variant="ghost"
                size="sm"
                aria-label={tr("aria.remove", { label: r.label })}
                onClick={() => t.remove(r.key)}
              >
                {tr("remove")}
              </Button>
            ) : (
              <span />
            )}
          </div>
          {rowError(i) ? <p className="text-sm text-red-600">{rowError(i)}</p> : null}
        </div>
      ))}
      {err("treatments") ? <ErrorAlert>{err("treatments")}</ErrorAlert> : null}
      <div className="flex items-center justify-between gap-3 text-sm">
        <Button
          type="button"
          variant="outline"
          size="sm"
          disabled={t.rows.length >= MAX_TREATMENTS || !templates.length}
          onClick={() => t.add(templates[0]?.id ?? "")}
        >
          {tr("add")}
        </Button>
        <span className={total === 100 ? "text-slate-500" : "font-medium text-red-600"}>
          {ab ? tr("sharesSum", { total }) : tr("latestVersion")}
        </span>
      </div>
    </fieldset>
  );
}
