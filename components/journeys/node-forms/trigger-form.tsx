"use client";
import { useTranslations } from "next-intl";
import { CheckField, NumberField, SelectField, TextField } from "./form-bits";
import { ATTRIBUTES_LIST, EVENTS_LIST, type TFormProps } from "../editor/editor-options";
import { PropertyFilterFields } from "./filter-fields";

const KINDS = ["event", "segment_entered", "date_attribute", "api"] as const;

const fresh = (kind: string): Record<string, unknown> => {
  if (kind === "event") return { kind, event: "", filters: [] };
  if (kind === "segment_entered") return { kind, segmentId: "", includeExisting: false };
  if (kind === "date_attribute")
    return { kind, attribute: "", offsetDays: 0, time: "09:00", yearly: false };
  return { kind: "api" };
};

export function TriggerForm({ data, set, disabled, options, fieldErrors }: TFormProps) {
  const kind = String(data.kind ?? "event");
  const t = useTranslations("journeys.trigger");
  return (
    <div className="space-y-3">
      <SelectField
        label={t("startWhen")}
        value={kind}
        options={KINDS.map((k) => [k, t(`kind.${k}`)] as const)}
        disabled={disabled}
        onChange={(k) => set(fresh(k))}
      />
      {kind === "event" ? (
        <>
          <TextField
            label={t("event")}
            value={String(data.event ?? "")}
            list={EVENTS_LIST}
            placeholder={t("eventPlaceholder")}
            disabled={disabled}
            error={fieldErrors.event}
            onChange={(v) => set({ ...data, event: v }, "event")}
          />
          <PropertyFilterFields
            filters={data.filters}
            disabled={disabled}
            fieldErrors={fieldErrors}
            empty={t("noFilters")}
            onChange={(filters, key) => set({ ...data, filters }, key)}
          />
        </>
      ) : null}
      {kind === "segment_entered" ? (
        <SelectField
          label={t("segment")}
          value={String(data.segmentId ?? "")}
          disabled={disabled}
          error={fieldErrors.segmentId}
          options={[
            ["", t("chooseSegment")],
            ...options.segments.map((s) => [s.id, s.name] as const),
          ]}
          onChange={(v) => set({ ...data, segmentId: v })}
        />
      ) : null}
      {kind === "segment_entered" ? (
        <>
          <CheckField
            label={t("includeExisting")}
            checked={data.includeExisting === true}
            disabled={disabled}
            onChange={(v) => set({ ...data, includeExisting: v })}
          />
          <p className="text-xs text-slate-500">{t("segmentHint")}</p>
        </>
      ) : null}
      {kind === "date_attribute" ? (
        <>
          <DateAttributeFields
            data={data}
            set={set}
            disabled={disabled}
            fieldErrors={fieldErrors}
          />
          <p className="text-xs text-slate-500">{t("dateHint")}</p>
        </>
      ) : null}
      {kind === "api" ? <p className="text-xs text-slate-500">{t("apiHint")}</p> : null}
    </div>
  );
}

/** A date attribute shifted by days at a local time; shared by the trigger and the wait. */
export function DateAttributeFields({
  data,
  set,
  disabled,
  fieldErrors,
}: Pick<TFormProps, "data" | "set" | "disabled" | "fieldErrors">) {
  const t = useTranslations("journeys.trigger");
  return (
    <>
      <TextField
        label={t("dateAttribute")}
        value={String(data.attribute ?? "")}
        list={ATTRIBUTES_LIST}
        placeholder={t("dateAttributePlaceholder")}
        disabled={disabled}
        error={fieldErrors.attribute}
        onChange={(v) => set({ ...data, attribute: v }, "attribute")}
      />
      <NumberField
        label={t("offsetDays")}
        value={data.offsetDays}
        disabled={disabled}
        error={fieldErrors.offsetDays}
        onChange={(v) => set({ ...data, offsetDays: v }, "offsetDays")}
      />
      <TextField
        label={t("atLocalTime")}
        type="time"
        value={String(data.time ?? "09:00")}
        disabled={disabled}
        error={fieldErrors.time}
        onChange={(v) => set({ ...data, time: v }, "time")}
      />
      <CheckField
        label={t("yearly")}
        checked={data.yearly === true}
        disabled={disabled}
        onChange={(v) => set({ ...data, yearly: v })}
      />
    </>
  );
}
