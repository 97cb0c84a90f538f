"use client";
import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import type { TPushContent } from "@/lib/templates/template-content";
import { useEditor } from "./editor-context";
import { URL_PLACEHOLDER } from "./block-forms/block-form-props";
import { LiquidField } from "./liquid-field";

/** An app link's shape, the same in every language. */
const DEEP_LINK_PLACEHOLDER = "myapp://cart";
import type { TDraftContent } from "./use-template-draft";

/** Data rows keep their order while a key is being typed (an object would reorder or merge them). */
export function PushForm({
  content,
  update,
}: {
  content: TPushContent;
  update: (fn: (c: TDraftContent) => TDraftContent) => void;
}) {
  const t = useTranslations("templates.push");
  const tf = useTranslations("templates.form");
  const { readOnly } = useEditor();
  const set = (patch: Partial<TPushContent>) => update((c) => ({ ...c, ...patch }));
  const rows = Object.entries(content.data ?? {});
  const setRows = (next: [string, string][]) => set({ data: Object.fromEntries(next) });
  return (
    <Card>
      <CardBody className="space-y-3">
        <LiquidField
          id="push-title"
          label={tf("title")}
          path="title"
          value={content.title ?? ""}
          onChange={(title) => set({ title })}
        />
        <LiquidField
          id="push-body"
          label={tf("body")}
          path="body"
          value={content.body ?? ""}
          multiline
          rows={3}
          onChange={(body) => set({ body })}
        />
        <LiquidField
          id="push-image"
          label={tf("imageUrl")}
          path="imageUrl"
          value={content.imageUrl ?? ""}
          placeholder={URL_PLACEHOLDER}
          onChange={(v) => set({ imageUrl: v || undefined })}
        />
        <LiquidField
          id="push-link"
          label={t("deepLink")}
          path="deepLink"
          value={content.deepLink ?? ""}
          placeholder={DEEP_LINK_PLACEHOLDER}
          onChange={(v) => set({ deepLink: v || undefined })}
        />
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("data")}</legend>
          <p className="mb-2 text-xs text-slate-500">{t("dataHint")}</p>
          <div className="space-y-2">
            {rows.map(([k, v], i) => (
              <div key={i} className="flex items-start gap-2">
                <Input
                  aria-label={t("dataKey", { n: i + 1 })}
                  value={k}
                  disabled={readOnly}
                  className="mt-6 w-40 font-mono text-xs"
                  onChange={(e) =>
                    setRows(rows.map((r, j) => (j === i ? [e.target.value, r[1]] : r)))
                  }
                />
                <div className="flex-1">
                  <LiquidField
                    id={`push-data-${i}`}
                    label={t("dataValue", { n: i + 1 })}
                    path={`data.${k}`}
                    value={v}
                    onChange={(val) => setRows(rows.map((r, j) => (j === i ? [r[0], val] : r)))}
                  />
                </div>
                {readOnly ? null : (
                  <Button
                    variant="ghost"
                    size="icon"
                    className="mt-6"
                    aria-label={t("removeData", { n: i + 1 })}
                    onClick={() => setRows(rows.filter((_, j) => j !== i))}
                    data-mutates
                  >
                    <Trash2 />
                  </Button>
                )}
              </div>
            ))}
          </div>
          {readOnly ? null : (
            <Button
              variant="link"
              size="sm"
              className="px-0"
              disabled={rows.some(([k]) => k === "")}
              onClick={() => setRows([...rows, ["", ""]])}
              data-mutates
            >
              <Plus /> {t("addData")}
            </Button>
          )}
        </fieldset>
      </CardBody>
    </Card>
  );
}
