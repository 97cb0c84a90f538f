"use client";
import { useId } from "react";
import { Label, NativeSelect } from "@/components/ui/input";
import { CHANNEL_OPTIONS, channelLabel } from "@/lib/channels/channel-meta";
import { SelectField, TextField } from "./form-bits";
import { ATTRIBUTES_LIST, type TFormProps } from "../editor/editor-options";

/** Channel, then a template of that channel only. */
export function SendForm({ data, set, disabled, options }: TFormProps) {
  const channel = String(data.channel ?? "email");
  const templates = options.templates.filter((t) => t.channel === channel);
  const id = useId();
  return (
    <div className="space-y-3">
      <SelectField
        label="Channel"
        value={channel}
        options={CHANNEL_OPTIONS.map((o) => [o.value, o.label] as const)}
        disabled={disabled}
        onChange={(c) => set({ ...data, channel: c, templateId: "" })}
      />
      <div>
        <Label htmlFor={id}>Template</Label>
        <NativeSelect
          id={id}
          value={String(data.templateId ?? "")}
          disabled={disabled}
          onChange={(e) => set({ ...data, templateId: e.target.value })}
        >
          <option value="">Choose a template…</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} {t.publishedVersion ? `(v${t.publishedVersion})` : "(not published)"}
            </option>
          ))}
        </NativeSelect>
        {templates.length === 0 ? (
          <p className="mt-1 text-xs text-slate-500">
            No {channelLabel(channel)} templates yet: create one under Templates.
          </p>
        ) : null}
      </div>
    </div>
  );
}

const TYPES = [
  ["string", "Text"],
  ["number", "Number"],
  ["boolean", "Yes/no"],
  ["null", "Remove it"],
] as const;
const typeOf = (v: unknown) =>
  v === null
    ? "null"
    : typeof v === "number"
      ? "number"
      : typeof v === "boolean"
        ? "boolean"
        : "string";

export function UpdateContactForm({ data, set, disabled }: TFormProps) {
  const t = typeOf(data.value);
  return (
    <div className="space-y-3">
      <TextField
        label="Attribute"
        value={String(data.attribute ?? "")}
        list={ATTRIBUTES_LIST}
        placeholder="e.g. onboarded"
        disabled={disabled}
        onChange={(v) => set({ ...data, attribute: v }, "attribute")}
      />
      <SelectField
        label="Value type"
        value={t}
        options={TYPES}
        disabled={disabled}
        onChange={(v) =>
          set({
            ...data,
            value: v === "null" ? null : v === "number" ? 0 : v === "boolean" ? true : "",
          })
        }
      />
      {t === "string" ? (
        <TextField
          label="Value"
          value={String(data.value ?? "")}
          disabled={disabled}
          onChange={(v) => set({ ...data, value: v }, "value")}
        />
      ) : null}
      {t === "number" ? (
        <TextField
          label="Value"
          type="number"
          value={String(data.value)}
          disabled={disabled}
          onChange={(v) => set({ ...data, value: Number(v) }, "value")}
        />
      ) : null}
      {t === "boolean" ? (
        <SelectField
          label="Value"
          value={String(data.value)}
          options={[
            ["true", "Yes"],
            ["false", "No"],
          ]}
          disabled={disabled}
          onChange={(v) => set({ ...data, value: v === "true" })}
        />
      ) : null}
    </div>
  );
}

export function WebhookForm({ data, set, disabled }: TFormProps) {
  const id = useId();
  return (
    <div className="space-y-3">
      <SelectField
        label="Method"
        value={String(data.method ?? "POST")}
        options={[
          ["POST", "POST"],
          ["PUT", "PUT"],
          ["PATCH", "PATCH"],
          ["GET", "GET"],
          ["DELETE", "DELETE"],
        ]}
        disabled={disabled}
        onChange={(v) => set({ ...data, method: v })}
      />
      <TextField
        label="URL"
        value={String(data.url ?? "")}
        placeholder="https://example.com/hook"
        disabled={disabled}
        onChange={(v) => set({ ...data, url: v }, "url")}
      />
      <div>
        <Label htmlFor={id}>Body (JSON, Liquid allowed)</Label>
        <textarea
          id={id}
          rows={5}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs shadow-sm disabled:bg-slate-100"
          value={String(data.body ?? "")}
          disabled={disabled}
          placeholder={'{ "email": "{{ contact.email }}" }'}
          onChange={(e) => set({ ...data, body: e.target.value }, "body")}
        />
      </div>
    </div>
  );
}
