"use client";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import type { TInAppContent } from "@/lib/templates/template-content";
import { useEditor } from "./editor-context";
import { SelectField } from "./form-controls";
import { LiquidField } from "./liquid-field";
import type { TDraftContent } from "./use-template-draft";

type TButton = TInAppContent["buttons"][number];
const ACTIONS = [
  { value: "dismiss" as const, label: "Dismiss" },
  { value: "url" as const, label: "Open URL" },
  { value: "deep_link" as const, label: "Deep link" },
];

export function InAppForm({
  content,
  update,
}: {
  content: TInAppContent;
  update: (fn: (c: TDraftContent) => TDraftContent) => void;
}) {
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
          label="Title"
          path="title"
          value={content.title ?? ""}
          onChange={(title) => set({ title })}
        />
        <LiquidField
          id="inapp-body"
          label="Body"
          path="body"
          value={content.body ?? ""}
          multiline
          rows={3}
          onChange={(body) => set({ body })}
        />
        <LiquidField
          id="inapp-image"
          label="Image URL (optional)"
          path="imageUrl"
          value={content.imageUrl ?? ""}
          placeholder="https://…"
          onChange={(v) => set({ imageUrl: v || undefined })}
        />
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">Buttons (up to 3)</legend>
          {buttons.map((b, i) => (
            <div
              key={i}
              className="grid grid-cols-[1fr_9rem_1fr_auto] items-start gap-2 rounded-md border border-slate-200 p-2"
            >
              <LiquidField
                id={`inapp-btn-${i}-label`}
                label={`Button ${i + 1} label`}
                path={`buttons.${i}.label`}
                value={b.label}
                onChange={(label) => setButton(i, { label })}
              />
              <SelectField
                id={`inapp-btn-${i}-action`}
                label="Action"
                value={b.action}
                options={ACTIONS}
                onChange={(action) => setButton(i, { action })}
              />
              {b.action === "dismiss" ? (
                <span />
              ) : (
                <LiquidField
                  id={`inapp-btn-${i}-value`}
                  label={b.action === "url" ? "URL" : "Deep link"}
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
                  aria-label={`Remove button ${i + 1}`}
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
                set({ buttons: [...buttons, { label: "Open", action: "url", value: "https://" }] })
              }
              data-mutates
            >
              <Plus /> Add button
            </Button>
          )}
        </fieldset>
      </CardBody>
    </Card>
  );
}
