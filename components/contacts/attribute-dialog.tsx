"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field, Input, NativeSelect } from "@/components/ui/input";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { ZAttributeKey } from "@/lib/contacts/attributes";
import {
  ATTRIBUTE_INPUT_TYPES,
  parseAttributeInput,
  type TAttributeInputType,
} from "@/lib/contacts/attribute-input";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useApiErrorText } from "@/components/app/use-api-error-text";

/** Examples of attribute names and values, the same in every language (they are data). */
const NAME_EXAMPLE = "plan";
const LIST_EXAMPLE = "vip, beta";
/** A boolean attribute's values, shown as stored (as the table and the API show them). */
const BOOLEAN_VALUES = ["true", "false"] as const;

/**
 * The messages of the checks run here before saving (lib/contacts/attribute-input.ts and
 * ZAttributeKey), with their `contacts.attributes.errors` keys.
 */
const LOCAL_ERRORS = {
  "Enter a number, like 42 or 9.99": "number",
  "Choose true or false": "boolean",
  "Pick a date": "date",
  "Enter at least one value, separated by commas": "listEmpty",
  "A list holds at most 100 values": "listLong",
  "attribute names cannot be empty": "nameEmpty",
  "attribute names are at most 128 characters": "nameLong",
  "attribute names cannot start with $": "nameDollar",
} as const;

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
  const t = useTranslations("contacts.attributes");
  return (
    <Dialog open={draft !== null} onOpenChange={(o) => (o ? null : onClose())}>
      {draft ? (
        <DialogContent
          title={draft.isNew ? t("add") : t("editTitle", { name: draft.name })}
          description={t("dialogDescription")}
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
  const t = useTranslations("contacts.attributes");
  const tc = useTranslations("common");
  const errorText = useApiErrorText();
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
  const localText = (m: string | undefined) => {
    const k = m === undefined ? undefined : LOCAL_ERRORS[m as keyof typeof LOCAL_ERRORS];
    return k ? t(`errors.${k}`) : m;
  };

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parseAttributeInput(type, raw);
        const named = ZAttributeKey.safeParse(key);
        setLocalError({
          name: named.success ? undefined : localText(named.error.issues[0]?.message),
          value: parsed.ok ? undefined : localText(parsed.error),
        });
        if (!parsed.ok || !named.success) return;
        save.mutate({ set: { [key]: parsed.value } }, { onSuccess: onDone });
      }}
    >
      <Field id="attr-name" label={tc("name")} error={localError.name}>
        <Input
          id="attr-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          disabled={!draft.isNew}
          placeholder={NAME_EXAMPLE}
          autoFocus={draft.isNew}
        />
      </Field>
      <Field id="attr-type" label={t("type")}>
        <NativeSelect
          id="attr-type"
          value={type}
          onChange={(e) => {
            setType(e.target.value as TAttributeInputType);
            setRaw(e.target.value === "boolean" ? "true" : "");
          }}
        >
          {ATTRIBUTE_INPUT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`inputTypes.${type}`)}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field
        id="attr-value"
        label={t("value")}
        error={localError.value}
        hint={type === "list" ? t("listHint") : undefined}
      >
        {type === "boolean" ? (
          <NativeSelect id="attr-value" value={raw} onChange={(e) => setRaw(e.target.value)}>
            {BOOLEAN_VALUES.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </NativeSelect>
        ) : (
          <Input
            id="attr-value"
            type={type === "number" ? "number" : type === "date" ? "date" : "text"}
            step={type === "number" ? "any" : undefined}
            value={raw}
            onChange={(e) => setRaw(e.target.value)}
            autoFocus={!draft.isNew}
            placeholder={type === "list" ? LIST_EXAMPLE : undefined}
          />
        )}
      </Field>
      {/* The server names the field in `fields`; its message already says what is wrong with it. */}
      <ErrorAlert>
        {save.error ? t("couldNotSave", { error: errorText(save.error) }) : null}
      </ErrorAlert>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="outline" onClick={onDone}>
          {tc("cancel")}
        </Button>
        <Button type="submit" disabled={save.isPending} data-mutates>
          {save.isPending ? tc("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
