"use client";
import { CheckField, NumberField, SelectField, TextField } from "./form-bits";
import { ATTRIBUTES_LIST, EVENTS_LIST, type TFormProps } from "../editor/editor-options";
import { PropertyFilterFields } from "./filter-fields";

const KINDS = [
  ["event", "An event happens"],
  ["segment_entered", "They enter a segment"],
  ["date_attribute", "A date attribute comes round"],
  ["api", "The API starts it"],
] as const;

const fresh = (kind: string): Record<string, unknown> => {
  if (kind === "event") return { kind, event: "", filters: [] };
  if (kind === "segment_entered") return { kind, segmentId: "", includeExisting: false };
  if (kind === "date_attribute")
    return { kind, attribute: "", offsetDays: 0, time: "09:00", yearly: false };
  return { kind: "api" };
};

export function TriggerForm({ data, set, disabled, options, fieldErrors }: TFormProps) {
  const kind = String(data.kind ?? "event");
  return (
    <div className="space-y-3">
      <SelectField
        label="Start when"
        value={kind}
        options={KINDS}
        disabled={disabled}
        onChange={(k) => set(fresh(k))}
      />
      {kind === "event" ? (
        <>
          <TextField
            label="Event"
            value={String(data.event ?? "")}
            list={EVENTS_LIST}
            placeholder="e.g. Signed Up"
            disabled={disabled}
            error={fieldErrors.event}
            onChange={(v) => set({ ...data, event: v }, "event")}
          />
          <PropertyFilterFields
            filters={data.filters}
            disabled={disabled}
            fieldErrors={fieldErrors}
            empty="None: every such event starts the journey."
            onChange={(filters, key) => set({ ...data, filters }, key)}
          />
        </>
      ) : null}
      {kind === "segment_entered" ? (
        <SelectField
          label="Segment"
          value={String(data.segmentId ?? "")}
          disabled={disabled}
          error={fieldErrors.segmentId}
          options={[
            ["", "Choose a segment…"],
            ...options.segments.map((s) => [s.id, s.name] as const),
          ]}
          onChange={(v) => set({ ...data, segmentId: v })}
        />
      ) : null}
      {kind === "segment_entered" ? (
        <>
          <CheckField
            label="Also enter contacts already in it when published"
            checked={data.includeExisting === true}
            disabled={disabled}
            onChange={(v) => set({ ...data, includeExisting: v })}
          />
          <p className="text-xs text-slate-500">
            Contacts enter when they join: checked as their data arrives, and every minute for
            time-based conditions and imported lists. Leaving and joining again is a new entry, if
            the entry rules allow.
          </p>
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
          <p className="text-xs text-slate-500">
            Each contact enters once per occurrence, at that time in their own time zone (the
            workspace&apos;s when they have none). For a yearly date, allow re-entry in Settings.
          </p>
        </>
      ) : null}
      {kind === "api" ? (
        <p className="text-xs text-slate-500">
          Contacts enter when your app calls the journey&apos;s API.
        </p>
      ) : null}
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
  return (
    <>
      <TextField
        label="Date attribute"
        value={String(data.attribute ?? "")}
        list={ATTRIBUTES_LIST}
        placeholder="e.g. birthday"
        disabled={disabled}
        error={fieldErrors.attribute}
        onChange={(v) => set({ ...data, attribute: v }, "attribute")}
      />
      <NumberField
        label="Days before (−) or after (+)"
        value={data.offsetDays}
        disabled={disabled}
        error={fieldErrors.offsetDays}
        onChange={(v) => set({ ...data, offsetDays: v }, "offsetDays")}
      />
      <TextField
        label="At local time"
        type="time"
        value={String(data.time ?? "09:00")}
        disabled={disabled}
        error={fieldErrors.time}
        onChange={(v) => set({ ...data, time: v }, "time")}
      />
      <CheckField
        label="Every year (birthdays, anniversaries)"
        checked={data.yearly === true}
        disabled={disabled}
        onChange={(v) => set({ ...data, yearly: v })}
      />
    </>
  );
}
