"use client";
import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import type { TInAppContent } from "@/lib/templates/template-content";
import { useEditor } from "./editor-context";
import { SelectField } from "./form-controls";
import { URL_PLACEHOLDER } from "./block-forms/block-form-props";
import { LiquidField } from "./liquid-field";
import type { TDraftContent } from "./use-template-draft";

type TButton = TInAppContent["buttons"][number];
const ACTIONS = ["dismiss", "url", "deep_link"] as const;
/** A URL is written the same in every language: the value a new button starts with. */
const NEW_BUTTON_URL = "https://";

export function InAppForm({
  content,
  update,
}: {
  content: TInAppContent;
  update: (fn: (c: TDraftContent) => TDraftContent) => void;
}) {
  const t = useTranslations("templates.inApp");
  const tf = useTranslations("templates.form");
  const { readOnly } = useEditor();
  const set = (patch: Partial<TInAppContent>) => update((c) => ({ ...c, ...patch }));
  const buttons = content.buttons ?? [];
  const setButton = (i: number, patch: Partial<TButton>) =>
    set({ buttons: buttons.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  return (
    <Card>
      <CardBody className="space-y-3">
        <LiquidField
          id="inapp-title"
          label={tf("title")}
          path="title"
          value={content.title ?? ""}
          onChange={(title) => set({ title })}
        />
        <LiquidField
          id="inapp-body"
          label={tf("body")}
          path="body"
          value={content.body ?? ""}
          multiline
          rows={3}
          onChange={(body) => set({ body })}
        />
        <LiquidField
          id="inapp-image"
          label={tf("imageUrl")}
          path="imageUrl"
          value={content.imageUrl ?? ""}
          placeholder={URL_PLACEHOLDER}
          onChange={(v) => set({ imageUrl: v || undefined })}
        />
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("buttons")}</legend>
          {buttons.map((b, i) => (
            <div
              key={i}
              className="grid grid-cols-[1fr_9rem_1fr_auto] items-start gap-2 rounded-md border border-slate-200 p-2"
            >
              <LiquidField
                id={`inapp-btn-${i}-label`}
                label={t("buttonLabel", { n: i + 1 })}
                path={`buttons.${i}.label`}
                value={b.label}
                onChange={(label) => setButton(i, { label })}
              />
              <SelectField
                id={`inapp-btn-${i}-action`}
                label={t("action")}
                value={b.action}
                options={ACTIONS.map((a) => ({ value: a, label: t(`actions.${a}`) }))}
                onChange={(action) => setButton(i, { action })}
              />
              {b.action === "dismiss" ? (
                <span />
              ) : (
                <LiquidField
                  id={`inapp-btn-${i}-value`}
                  label={b.action === "url" ? t("url") : t("actions.deep_link")}
                  path={`buttons.${i}.value`}
                  value={b.value ?? ""}
                  onChange={(value) => setButton(i, { value })}
                />
              )}
              {readOnly ? null : (
                <Button
                  variant="ghost"
                  size="icon"
                  className="mt-6"
                  aria-label={t("removeButton", { n: i + 1 })}
                  onClick={() => set({ buttons: buttons.filter((_, j) => j !== i) })}
                  data-mutates
                >
                  <Trash2 />
                </Button>
              )}
            </div>
          ))}
          {readOnly || buttons.length >= 3 ? null : (
            <Button
              variant="link"
              size="sm"
              className="px-0"
              onClick={() =>
                set({
                  buttons: [
                    ...buttons,
                    { label: t("newButton"), action: "url", value: NEW_BUTTON_URL },
                  ],
                })
              }
              data-mutates
            >
              <Plus /> {t("addButton")}
            </Button>
          )}
        </fieldset>
      </CardBody>
    </Card>
  );
}
