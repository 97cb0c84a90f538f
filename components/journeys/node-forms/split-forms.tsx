"use client";
import { useTranslations } from "next-intl";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { NumberField, TextField } from "./form-bits";
import type { TFormProps } from "../editor/editor-options";

type TVariant = { id: string; label?: string; percent?: number };
const LETTERS = "ABCDE";

/** Variants with percentages and their live sum, which must reach 100 to publish. */
export function AbSplitForm({ data, set, disabled }: TFormProps) {
  const variants = (Array.isArray(data.variants) ? data.variants : []) as TVariant[];
  const put = (next: TVariant[], key?: string) => set({ ...data, variants: next }, key);
  const total = variants.reduce(
    (s, v) => s + (Number.isFinite(v.percent) ? Number(v.percent) : 0),
    0,
  );
  const free = [...LETTERS].find((l) => !variants.some((v) => v.id === l.toLowerCase()));
  const t = useTranslations("journeys.split");
  return (
    <div className="space-y-3">
      {variants.map((v, i) => (
        <div key={v.id} className="flex items-end gap-2">
          <div className="w-24">
            <TextField
              label={t("variant", { n: i + 1 })}
              value={v.label ?? ""}
              disabled={disabled}
              onChange={(label) =>
                put(
                  variants.map((x, j) => (j === i ? { ...x, label } : x)),
                  `v${i}.label`,
                )
              }
            />
          </div>
          <NumberField
            label={t("share")}
            suffix="%"
            min={0}
            max={100}
            value={v.percent}
            disabled={disabled}
            onChange={(percent) =>
              put(
                variants.map((x, j) => (j === i ? { ...x, percent } : x)),
                `v${i}.percent`,
              )
            }
          />
          {!disabled && variants.length > 2 ? (
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={t("removeVariant", { name: v.label || v.id })}
              onClick={() => put(variants.filter((_, j) => j !== i))}
            >
              <Trash2 />
            </Button>
          ) : null}
        </div>
      ))}
      <p
        className={cn("text-sm font-medium", total === 100 ? "text-emerald-700" : "text-red-600")}
        data-testid="split-total"
      >
        {total === 100 ? t("total", { total }) : t("totalWrong", { total })}
      </p>
      {!disabled && free && variants.length < 5 ? (
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => put([...variants, { id: free.toLowerCase(), label: free, percent: 0 }])}
        >
          <Plus /> {t("addVariant")}
        </Button>
      ) : null}
    </div>
  );
}

export function HoldoutForm({ data, set, disabled }: TFormProps) {
  const t = useTranslations("journeys.split");
  return (
    <div className="space-y-3">
      <NumberField
        label={t("holdOut")}
        suffix={t("percentOfContacts")}
        min={1}
        max={99}
        value={data.percent}
        disabled={disabled}
        onChange={(percent) => set({ ...data, percent }, "percent")}
      />
      <p className="text-xs text-slate-500">
        {t.rich("holdoutHint", { b: (chunks) => <b>{chunks}</b> })}
      </p>
    </div>
  );
}
