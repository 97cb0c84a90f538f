"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Label, NativeSelect } from "@/components/ui/input";
import { useChannelLabel } from "@/components/app/use-labels";
import { CHANNEL_OPTIONS } from "@/lib/channels/channel-meta";
import { SelectField, TextField } from "./form-bits";
import { ATTRIBUTES_LIST, type TFormProps } from "../editor/editor-options";

/** Channel, then a template of that channel only. */
export function SendForm({ data, set, disabled, options }: TFormProps) {
  const channel = String(data.channel ?? "email");
  const templates = options.templates.filter((t) => t.channel === channel);
  const id = useId();
  const tf = useTranslations("journeys.send");
  const channelLabel = useChannelLabel();
  return (
    <div className="space-y-3">
      <SelectField
        label={tf("channel")}
        value={channel}
        options={CHANNEL_OPTIONS.map((o) => [o.value, channelLabel(o.value)] as const)}
        disabled={disabled}
        onChange={(c) => set({ ...data, channel: c, templateId: "" })}
      />
      <div>
        <Label htmlFor={id}>{tf("template")}</Label>
        <NativeSelect
          id={id}
          value={String(data.templateId ?? "")}
          disabled={disabled}
          onChange={(e) => set({ ...data, templateId: e.target.value })}
        >
          <option value="">{tf("chooseTemplate")}</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} {t.publishedVersion ? `(v${t.publishedVersion})` : `(${tf("notPublished")})`}
            </option>
          ))}
        </NativeSelect>
        {templates.length === 0 ? (
          <p className="mt-1 text-xs text-slate-500">
            {tf("noTemplates", { channel: channelLabel(channel) })}
          </p>
        ) : null}
      </div>
    </div>
  );
}

const TYPES = ["string", "number", "boolean", "null"] as const;
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
  const tu = useTranslations("journeys.update");
  return (
    <div className="space-y-3">
      <TextField
        label={tu("attribute")}
        value={String(data.attribute ?? "")}
        list={ATTRIBUTES_LIST}
        placeholder={tu("attributePlaceholder")}
        disabled={disabled}
        onChange={(v) => set({ ...data, attribute: v }, "attribute")}
      />
      <SelectField
        label={tu("valueType")}
        value={t}
        options={TYPES.map((k) => [k, tu(`type.${k}`)] as const)}
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
          label={tu("value")}
          value={String(data.value ?? "")}
          disabled={disabled}
          onChange={(v) => set({ ...data, value: v }, "value")}
        />
      ) : null}
      {t === "number" ? (
        <TextField
          label={tu("value")}
          type="number"
          value={String(data.value)}
          disabled={disabled}
          onChange={(v) => set({ ...data, value: Number(v) }, "value")}
        />
      ) : null}
      {t === "boolean" ? (
        <SelectField
          label={tu("value")}
          value={String(data.value)}
          options={[
            ["true", tu("yes")],
            ["false", tu("no")],
          ]}
          disabled={disabled}
          onChange={(v) => set({ ...data, value: v === "true" })}
        />
      ) : null}
    </div>
  );
}

/** A code sample, the same in every language. */
const BODY_EXAMPLE = '{ "email": "{{ contact.email }}" }';

export function WebhookForm({ data, set, disabled }: TFormProps) {
  const id = useId();
  const tw = useTranslations("journeys.webhook");
  return (
    <div className="space-y-3">
      <SelectField
        label={tw("method")}
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
        label={tw("url")}
        value={String(data.url ?? "")}
        placeholder={tw("urlPlaceholder")}
        disabled={disabled}
        onChange={(v) => set({ ...data, url: v }, "url")}
      />
      <div>
        <Label htmlFor={id}>{tw("body")}</Label>
        <textarea
          id={id}
          rows={5}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs shadow-sm disabled:bg-slate-100"
          value={String(data.body ?? "")}
          disabled={disabled}
          placeholder={BODY_EXAMPLE}
          onChange={(e) => set({ ...data, body: e.target.value }, "body")}
        />
      </div>
    </div>
  );
}
