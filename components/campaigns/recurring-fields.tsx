"use client";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field, Input, NativeSelect } from "@/components/ui/input";
import type { TScheduleState } from "./schedule-fields";

/** Weekday numbers as the recurrence stores them (0 = Sunday); names: `campaigns.schedule.weekdays`. */
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/**
 * A recurring campaign: how often and at what time, on which weekdays or day of the month, from
 * and until which day, and whether the time is each contact's local time.
 */
export function RecurringFields({
  s,
  err,
}: {
  s: TScheduleState;
  err: (k: string) => string | undefined;
}) {
  const t = useTranslations("campaigns.schedule");
  const r = (k: string) => err(`schedule.recurrence.${k}`);
  return (
    <div className="space-y-4 rounded-md border border-slate-200 p-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="campaign-frequency" label={t("repeat")}>
          <NativeSelect
            id="campaign-frequency"
            value={s.frequency}
            onChange={(e) => s.setFrequency(e.target.value)}
          >
            <option value="hourly">{t("hourly")}</option>
            <option value="daily">{t("daily")}</option>
            <option value="weekly">{t("weekly")}</option>
            <option value="monthly">{t("monthly")}</option>
          </NativeSelect>
        </Field>
        <Field
          id="campaign-recurring-time"
          label={s.frequency === "hourly" ? t("minutePastHour") : t("timeOfDay")}
          error={r("time")}
        >
          <Input
            id="campaign-recurring-time"
            type="time"
            value={s.time}
            onChange={(e) => s.setTime(e.target.value)}
          />
        </Field>
      </div>
      {s.frequency === "weekly" ? (
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("on")}</legend>
          <div className="flex flex-wrap gap-3 text-sm">
            {WEEKDAYS.map((d, i) => (
              <label key={d} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={s.weekdays.includes(i)}
                  onChange={(e) =>
                    s.setWeekdays(
                      e.target.checked
                        ? [...s.weekdays, i].sort()
                        : s.weekdays.filter((x) => x !== i),
                    )
                  }
                />
                {t(`weekdays.${d}`)}
              </label>
            ))}
          </div>
          <ErrorAlert variant="field" className="mt-1">
            {r("weekdays")}
          </ErrorAlert>
        </fieldset>
      ) : null}
      {s.frequency === "monthly" ? (
        <Field id="campaign-day-of-month" label={t("dayOfMonth")} error={r("dayOfMonth")}>
          <Input
            id="campaign-day-of-month"
            type="number"
            min={1}
            max={31}
            value={s.dayOfMonth}
            onChange={(e) => s.setDayOfMonth(Number(e.target.value) || 1)}
            className="w-28"
          />
        </Field>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="campaign-start-date" label={t("starting")} error={r("startDate")}>
          <Input
            id="campaign-start-date"
            type="date"
            value={s.startDate}
            onChange={(e) => s.setStartDate(e.target.value)}
          />
        </Field>
        <Field id="campaign-end-date" label={t("until")} error={r("endDate")}>
          <Input
            id="campaign-end-date"
            type="date"
            value={s.endDate}
            onChange={(e) => s.setEndDate(e.target.value)}
          />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={s.localTime}
          onChange={(e) => s.setLocalTime(e.target.checked)}
        />
        {t("inLocalTime")}
      </label>
    </div>
  );
}
