"use client";
import { useTranslations } from "next-intl";
import { NumberField, SelectField, TextField, UNITS } from "./form-bits";

/** The wait units, worded in the viewer's language. */
function useUnits() {
  const t = useTranslations("journeys.wait.units");
  return UNITS.map(([u]) => [u, t(u)] as const);
}
import { DateAttributeFields } from "./trigger-form";
import { EVENTS_LIST, type TFormProps } from "../editor/editor-options";
import { EqualityFilterFields } from "./filter-fields";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConditionForm, freshCondition } from "./condition-form";

const KINDS = ["duration", "until_datetime", "until_time_of_day", "until_date_attribute"] as const;

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
  const t = useTranslations("journeys.wait");
  const units = useUnits();
  return (
    <div className="space-y-3">
      <SelectField
        label={t("wait")}
        value={kind}
        options={KINDS.map((k) => [k, t(`kind.${k}`)] as const)}
        disabled={disabled}
        onChange={(k) => set(fresh(k))}
      />
      {kind === "duration" ? (
        <div className="flex gap-2">
          <NumberField
            label={t("amount")}
            value={data.amount}
            min={1}
            disabled={disabled}
            error={fieldErrors.amount}
            onChange={(v) => set({ ...data, amount: v }, "amount")}
          />
          <SelectField
            label={t("unit")}
            value={String(data.unit ?? "days")}
            options={units}
            disabled={disabled}
            onChange={(v) => set({ ...data, unit: v })}
          />
        </div>
      ) : null}
      {kind === "until_datetime" ? (
        <TextField
          label={t("until")}
          type="datetime-local"
          value={toLocalInput(String(data.at ?? ""))}
          disabled={disabled}
          error={fieldErrors.at}
          onChange={(v) => set({ ...data, at: fromLocalInput(v) })}
        />
      ) : null}
      {kind === "until_time_of_day" ? (
        <TextField
          label={t("untilLocal")}
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

export function WaitForEventForm({ data, set, disabled, fieldErrors, options }: TFormProps) {
  const timeout = (data.timeout ?? {}) as { amount?: number; unit?: string };
  const t = useTranslations("journeys.wait");
  const units = useUnits();
  const condition = data.condition as Record<string, unknown> | undefined;
  return (
    <div className="space-y-3">
      <TextField
        label={t("waitForEvent")}
        value={String(data.event ?? "")}
        list={EVENTS_LIST}
        placeholder={t("eventPlaceholder")}
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
          label={t("giveUpAfter")}
          value={timeout.amount}
          min={1}
          disabled={disabled}
          error={fieldErrors["timeout.amount"]}
          onChange={(v) => set({ ...data, timeout: { ...timeout, amount: v } }, "timeout")}
        />
        <SelectField
          label={t("unit")}
          value={timeout.unit ?? "days"}
          options={units}
          disabled={disabled}
          onChange={(v) => set({ ...data, timeout: { ...timeout, unit: v } })}
        />
      </div>
      {condition ? (
        <fieldset
          className="space-y-3 rounded-lg border border-slate-200 p-3"
          data-testid="wait-condition"
        >
          <legend className="px-1 text-sm font-medium text-slate-700">{t("alsoLegend")}</legend>
          <SelectField
            label={t("matchLabel")}
            value={data.match === "any" ? "any" : "all"}
            options={[
              ["all", t("match.all")],
              ["any", t("match.any")],
            ]}
            disabled={disabled}
            error={fieldErrors.match}
            onChange={(v) => set({ ...data, match: v }, "match")}
          />
          <ConditionForm
            label={t("conditionLabel")}
            path="condition"
            fieldErrors={fieldErrors}
            value={condition}
            disabled={disabled}
            options={options}
            onChange={(c, key) => set({ ...data, condition: c }, key)}
          />
          {!disabled ? (
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => {
                const rest = { ...data };
                delete rest.condition;
                delete rest.match;
                set(rest);
              }}
            >
              <Trash2 /> {t("removeCondition")}
            </Button>
          ) : null}
        </fieldset>
      ) : !disabled ? (
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() =>
            set({ ...data, match: "all", condition: freshCondition("did_event") }, "condition")
          }
        >
          <Plus /> {t("addCondition")}
        </Button>
      ) : null}
      <p className="text-xs text-slate-500">
        {t.rich(condition ? "conditionHint" : "outcomesHint", { b: (chunks) => <b>{chunks}</b> })}
      </p>
    </div>
  );
}
