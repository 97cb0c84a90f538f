"use client";
import { useTranslations } from "next-intl";
import { Field, Input, NativeSelect } from "@/components/ui/input";
import type { TScheduleState } from "./schedule-fields";
import { FILTER_OPS } from "./schedule-filter-ops";

/** Examples of an event and a property, the same in every language (they are names in code). */
const EVENT_EXAMPLE = "Cart Abandoned";
const PROPERTY_EXAMPLE = "total";

/** An event-triggered campaign: the event, one property filter, and how late an event may be. */
export function EventFields({
  s,
  err,
}: {
  s: TScheduleState;
  err: (k: string) => string | undefined;
}) {
  const t = useTranslations("campaigns.schedule");
  const to = useTranslations("segments.ops");
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="campaign-event"
          label={t("eventName")}
          error={err("schedule.event")}
          hint={t("eventHint")}
        >
          <Input
            id="campaign-event"
            value={s.event}
            onChange={(e) => s.setEvent(e.target.value)}
            placeholder={EVENT_EXAMPLE}
          />
        </Field>
        <Field
          id="campaign-max-delay"
          label={t("maxDelay")}
          error={err("schedule.maxDelayMinutes")}
          hint={t("maxDelayHint")}
        >
          <Input
            id="campaign-max-delay"
            type="number"
            min={1}
            value={s.maxDelay}
            onChange={(e) => s.setMaxDelay(Number(e.target.value) || 0)}
            className="w-28"
          />
        </Field>
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-[1fr_7rem_1fr]">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("filter")}</legend>
        <Input
          aria-label={t("eventProperty")}
          placeholder={PROPERTY_EXAMPLE}
          value={s.filterProperty}
          onChange={(e) => s.setFilterProperty(e.target.value)}
        />
        <NativeSelect
          aria-label={t("operator")}
          value={s.filterOp}
          onChange={(e) => s.setFilterOp(e.target.value as typeof s.filterOp)}
        >
          {FILTER_OPS.map((o) => (
            <option key={o.value} value={o.value}>
              {to(o.value)}
            </option>
          ))}
        </NativeSelect>
        <Input
          aria-label={t("propertyValue")}
          placeholder="50"
          value={s.filterValue}
          onChange={(e) => s.setFilterValue(e.target.value)}
        />
        {(err("schedule.filters.0.value") ?? err("schedule.filters.0.property")) ? (
          <p className="text-sm text-red-600 sm:col-span-3">
            {err("schedule.filters.0.value") ?? err("schedule.filters.0.property")}
          </p>
        ) : null}
      </fieldset>
    </div>
  );
}
