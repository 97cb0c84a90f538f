"use client";
import { NumberField, SelectField, TextField, UNITS } from "./form-bits";
import { DateAttributeFields } from "./trigger-form";
import { EVENTS_LIST, type TFormProps } from "../editor/editor-options";
import { EqualityFilterFields } from "./filter-fields";

const KINDS = [
  ["duration", "For a while"],
  ["until_datetime", "Until a date and time"],
  ["until_time_of_day", "Until a time of day"],
  ["until_date_attribute", "Until a date attribute"],
] as const;

const fresh = (kind: string): Record<string, unknown> => {
  if (kind === "duration") return { kind, amount: 1, unit: "days" };
  if (kind === "until_datetime") return { kind, at: "" };
  if (kind === "until_time_of_day") return { kind, time: "09:00" };
  return {
    kind: "until_date_attribute",
    attribute: "",
    offsetDays: 0,
    time: "09:00",
    yearly: false,
  };
};

/** datetime-local shows local wall time; the graph stores UTC ISO. */
const toLocalInput = (iso: string) =>
  iso
    ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000)
        .toISOString()
        .slice(0, 16)
    : "";
export const fromLocalInput = (v: string) => (v ? new Date(v).toISOString() : "");
export { toLocalInput };

export function WaitForm({ data, set, disabled, fieldErrors }: TFormProps) {
  const kind = String(data.kind ?? "duration");
  return (
    <div className="space-y-3">
      <SelectField
        label="Wait"
        value={kind}
        options={KINDS}
        disabled={disabled}
        onChange={(k) => set(fresh(k))}
      />
      {kind === "duration" ? (
        <div className="flex gap-2">
          <NumberField
            label="Amount"
            value={data.amount}
            min={1}
            disabled={disabled}
            error={fieldErrors.amount}
            onChange={(v) => set({ ...data, amount: v }, "amount")}
          />
          <SelectField
            label="Unit"
            value={String(data.unit ?? "days")}
            options={UNITS}
            disabled={disabled}
            onChange={(v) => set({ ...data, unit: v })}
          />
        </div>
      ) : null}
      {kind === "until_datetime" ? (
        <TextField
          label="Until"
          type="datetime-local"
          value={toLocalInput(String(data.at ?? ""))}
          disabled={disabled}
          error={fieldErrors.at}
          onChange={(v) => set({ ...data, at: fromLocalInput(v) })}
        />
      ) : null}
      {kind === "until_time_of_day" ? (
        <TextField
          label="Until (contact's local time)"
          type="time"
          value={String(data.time ?? "09:00")}
          disabled={disabled}
          error={fieldErrors.time}
          onChange={(v) => set({ ...data, time: v })}
        />
      ) : null}
      {kind === "until_date_attribute" ? (
        <DateAttributeFields data={data} set={set} disabled={disabled} fieldErrors={fieldErrors} />
      ) : null}
    </div>
  );
}

export function WaitForEventForm({ data, set, disabled, fieldErrors }: TFormProps) {
  const timeout = (data.timeout ?? {}) as { amount?: number; unit?: string };
  return (
    <div className="space-y-3">
      <TextField
        label="Wait for event"
        value={String(data.event ?? "")}
        list={EVENTS_LIST}
        placeholder="e.g. Order Completed"
        disabled={disabled}
        error={fieldErrors.event}
        onChange={(v) => set({ ...data, event: v }, "event")}
      />
      <EqualityFilterFields
        filters={data.filters}
        disabled={disabled}
        fieldErrors={fieldErrors}
        onChange={(filters, key) => set({ ...data, filters }, key)}
      />
      <div className="flex gap-2">
        <NumberField
          label="Give up after"
          value={timeout.amount}
          min={1}
          disabled={disabled}
          error={fieldErrors["timeout.amount"]}
          onChange={(v) => set({ ...data, timeout: { ...timeout, amount: v } }, "timeout")}
        />
        <SelectField
          label="Unit"
          value={timeout.unit ?? "days"}
          options={UNITS}
          disabled={disabled}
          onChange={(v) => set({ ...data, timeout: { ...timeout, unit: v } })}
        />
      </div>
      <p className="text-xs text-slate-500">
        Contacts who do it go down <b>happened</b>; the rest go down <b>timed out</b>.
      </p>
    </div>
  );
}
