"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field, Input, NativeSelect } from "@/components/ui/input";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { ZAttributeKey } from "@/lib/contacts/attributes";
import {
  ATTRIBUTE_INPUT_LABELS,
  ATTRIBUTE_INPUT_TYPES,
  parseAttributeInput,
  type TAttributeInputType,
} from "@/lib/contacts/attribute-input";
import { ErrorAlert } from "@/components/ui/error-alert";

export type TAttributeDraft = {
  name: string;
  type: TAttributeInputType;
  raw: string;
  isNew: boolean;
};

/** Adds an attribute, or edits one (its name fixed), with a type chooser that decides the input. */
export function AttributeDialog({
  url,
  draft,
  onClose,
}: {
  url: string;
  draft: TAttributeDraft | null;
  onClose: () => void;
}) {
  return (
    <Dialog open={draft !== null} onOpenChange={(o) => (o ? null : onClose())}>
      {draft ? (
        <DialogContent
          title={draft.isNew ? "Add attribute" : `Edit ${draft.name}`}
          description="Saved on the contact at once and recorded on its timeline."
        >
          <AttributeForm
            key={`${draft.name}:${draft.isNew}`}
            url={url}
            draft={draft}
            onDone={onClose}
          />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function AttributeForm({
  url,
  draft,
  onDone,
}: {
  url: string;
  draft: TAttributeDraft;
  onDone: () => void;
}) {
  const [name, setName] = useState(draft.name);
  const [type, setType] = useState<TAttributeInputType>(draft.type);
  const [raw, setRaw] = useState(draft.raw);
  const [localError, setLocalError] = useState<{ name?: string; value?: string }>({});
  const save = useApiMutation((body: { set: Record<string, unknown> }) => ({
    url,
    method: "PATCH",
    body,
  }));
  const key = name.trim();

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parseAttributeInput(type, raw);
        const named = ZAttributeKey.safeParse(key);
        setLocalError({
          name: named.success ? undefined : named.error.issues[0]?.message,
          value: parsed.ok ? undefined : parsed.error,
        });
        if (!parsed.ok || !named.success) return;
        save.mutate({ set: { [key]: parsed.value } }, { onSuccess: onDone });
      }}
    >
      <Field id="attr-name" label="Name" error={localError.name}>
        <Input
          id="attr-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          disabled={!draft.isNew}
          placeholder="plan"
          autoFocus={draft.isNew}
        />
      </Field>
      <Field id="attr-type" label="Type">
        <NativeSelect
          id="attr-type"
          value={type}
          onChange={(e) => {
            setType(e.target.value as TAttributeInputType);
            setRaw(e.target.value === "boolean" ? "true" : "");
          }}
        >
          {ATTRIBUTE_INPUT_TYPES.map((t) => (
            <option key={t} value={t}>
              {ATTRIBUTE_INPUT_LABELS[t]}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field
        id="attr-value"
        label="Value"
        error={localError.value}
        hint={type === "list" ? "Separate values with commas" : undefined}
      >
        {type === "boolean" ? (
          <NativeSelect id="attr-value" value={raw} onChange={(e) => setRaw(e.target.value)}>
            <option value="true">true</option>
            <option value="false">false</option>
          </NativeSelect>
        ) : (
          <Input
            id="attr-value"
            type={type === "number" ? "number" : type === "date" ? "date" : "text"}
            step={type === "number" ? "any" : undefined}
            value={raw}
            onChange={(e) => setRaw(e.target.value)}
            autoFocus={!draft.isNew}
            placeholder={type === "list" ? "vip, beta" : undefined}
          />
        )}
      </Field>
      {/* The server names the field in `fields`; its message already says what is wrong with it. */}
      <ErrorAlert>{save.error ? `Could not save: ${save.error.message}` : null}</ErrorAlert>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={save.isPending} data-mutates>
          {save.isPending ? "Saving…" : "Save attribute"}
        </Button>
      </div>
    </form>
  );
}
