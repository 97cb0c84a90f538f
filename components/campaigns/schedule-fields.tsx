"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, Input } from "@/components/ui/input";
import { EventFields } from "./event-schedule-fields";
import { FILTER_OPS } from "./schedule-filter-ops";
import { RecurringFields } from "./recurring-fields";

type TWhen = "now" | "at" | "local_time" | "recurring" | "event";

/** The editor's schedule state and the body it sends (`schedule` of the campaign input). */
export function useScheduleState() {
  const [when, setWhen] = useState<TWhen>("now");
  const [sendAt, setSendAt] = useState("");
  const [date, setDate] = useState("");
  const [time, setTime] = useState("09:00");
  const [frequency, setFrequency] = useState("weekly");
  const [weekdays, setWeekdays] = useState<number[]>([1]);
  const [dayOfMonth, setDayOfMonth] = useState(1);
  const [startDate, setStartDate] = useState("");
  const [endDate, setEndDate] = useState("");
  const [localTime, setLocalTime] = useState(false);
  const [event, setEvent] = useState("");
  const [filterProperty, setFilterProperty] = useState("");
  const [filterOp, setFilterOp] = useState<(typeof FILTER_OPS)[number]["value"]>("equals");
  const [filterValue, setFilterValue] = useState("");
  const [maxDelay, setMaxDelay] = useState(60);
  const state = {
    event,
    setEvent,
    filterProperty,
    setFilterProperty,
    filterOp,
    setFilterOp,
    filterValue,
    setFilterValue,
    maxDelay,
    setMaxDelay,
    when,
    setWhen,
    sendAt,
    setSendAt,
    date,
    setDate,
    time,
    setTime,
    frequency,
    setFrequency,
    weekdays,
    setWeekdays,
    dayOfMonth,
    setDayOfMonth,
    startDate,
    setStartDate,
    endDate,
    setEndDate,
    localTime,
    setLocalTime,
  };
  const body = (): Record<string, unknown> => {
    if (when === "now") return { kind: "now" };
    if (when === "at") return { kind: "at", sendAt: sendAt ? new Date(sendAt).toISOString() : "" };
    if (when === "local_time") return { kind: "local_time", date, time };
    if (when === "event") {
      const op = FILTER_OPS.find((o) => o.value === filterOp)!;
      const filters = filterProperty.trim()
        ? [
            {
              property: filterProperty.trim(),
              type: op.type,
              op: op.value,
              value: op.type === "number" ? Number(filterValue) : filterValue,
            },
          ]
        : [];
      return { kind: "event", event, filters, maxDelayMinutes: maxDelay };
    }
    return {
      kind: "recurring",
      recurrence: {
        frequency,
        time,
        ...(frequency === "weekly" ? { weekdays } : {}),
        ...(frequency === "monthly" ? { dayOfMonth } : {}),
        startDate,
        ...(endDate ? { endDate } : {}),
        localTime,
      },
    };
  };
  return { ...state, body };
}

export type TScheduleState = ReturnType<typeof useScheduleState>;

/** Send now, at a time, at a local time in each contact's zone, or on a recurrence. */
export function ScheduleFields({
  s,
  err,
}: {
  s: TScheduleState;
  err: (k: string) => string | undefined;
}) {
  const t = useTranslations("campaigns.schedule");
  const option = (value: TWhen, label: string) => (
    <label className="flex items-center gap-2">
      <input
        type="radio"
        name="send-when"
        checked={s.when === value}
        onChange={() => s.setWhen(value)}
      />{" "}
      {label}
    </label>
  );
  return (
    <fieldset className="space-y-3">
      <legend className="mb-1 block text-sm font-medium text-slate-700">{t("send")}</legend>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        {option("now", t("now"))}
        {option("at", t("at"))}
        {option("local_time", t("localTime"))}
        {option("recurring", t("recurring"))}
        {option("event", t("event"))}
      </div>
      {s.when === "event" ? <EventFields s={s} err={err} /> : null}
      {s.when === "at" ? (
        <Field id="campaign-send-at" label={t("sendAt")} error={err("schedule.sendAt")}>
          <Input
            id="campaign-send-at"
            aria-label={t("sendAt")}
            type="datetime-local"
            value={s.sendAt}
            onChange={(e) => s.setSendAt(e.target.value)}
            className="w-60"
          />
        </Field>
      ) : null}
      {s.when === "local_time" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="campaign-local-date"
            label={t("date")}
            error={err("schedule.date")}
            hint={t("dateHint")}
          >
            <Input
              id="campaign-local-date"
              type="date"
              value={s.date}
              onChange={(e) => s.setDate(e.target.value)}
            />
          </Field>
          <Field id="campaign-local-time" label={t("localTime")} error={err("schedule.time")}>
            <Input
              id="campaign-local-time"
              type="time"
              value={s.time}
              onChange={(e) => s.setTime(e.target.value)}
            />
          </Field>
        </div>
      ) : null}
      {s.when === "recurring" ? <RecurringFields s={s} err={err} /> : null}
    </fieldset>
  );
}
