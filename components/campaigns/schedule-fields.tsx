"use client";
import { useState } from "react";
import { Field, Input, NativeSelect } from "@/components/ui/input";
import { ErrorAlert } from "@/components/ui/error-alert";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
type TWhen = "now" | "at" | "local_time" | "recurring" | "event";

/** The filter operators the short editor offers; the API takes every segment operator. */
const FILTER_OPS = [
  { value: "equals", type: "string", label: "is" },
  { value: "not_equals", type: "string", label: "is not" },
  { value: "eq", type: "number", label: "=" },
  { value: "gte", type: "number", label: "≥" },
  { value: "lte", type: "number", label: "≤" },
] as const;

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

type TState = ReturnType<typeof useScheduleState>;

/** Send now, at a time, at a local time in each contact's zone, or on a recurrence. */
export function ScheduleFields({ s, err }: { s: TState; err: (k: string) => string | undefined }) {
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
  const r = (k: string) => err(`schedule.recurrence.${k}`);
  return (
    <fieldset className="space-y-3">
      <legend className="mb-1 block text-sm font-medium text-slate-700">Send</legend>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        {option("now", "Now")}
        {option("at", "At")}
        {option("local_time", "Local time")}
        {option("recurring", "Recurring")}
        {option("event", "When an event happens")}
      </div>
      {s.when === "event" ? <EventFields s={s} err={err} /> : null}
      {s.when === "at" ? (
        <Field id="campaign-send-at" label="Send at" error={err("schedule.sendAt")}>
          <Input
            id="campaign-send-at"
            aria-label="Send at"
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
            label="Date"
            error={err("schedule.date")}
            hint="Each contact receives it at this time in their own time zone (the workspace's if they have none)."
          >
            <Input
              id="campaign-local-date"
              type="date"
              value={s.date}
              onChange={(e) => s.setDate(e.target.value)}
            />
          </Field>
          <Field id="campaign-local-time" label="Local time" error={err("schedule.time")}>
            <Input
              id="campaign-local-time"
              type="time"
              value={s.time}
              onChange={(e) => s.setTime(e.target.value)}
            />
          </Field>
        </div>
      ) : null}
      {s.when === "recurring" ? (
        <div className="space-y-4 rounded-md border border-slate-200 p-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="campaign-frequency" label="Repeat">
              <NativeSelect
                id="campaign-frequency"
                value={s.frequency}
                onChange={(e) => s.setFrequency(e.target.value)}
              >
                <option value="hourly">Every hour</option>
                <option value="daily">Every day</option>
                <option value="weekly">Every week</option>
                <option value="monthly">Every month</option>
              </NativeSelect>
            </Field>
            <Field
              id="campaign-recurring-time"
              label={s.frequency === "hourly" ? "Minute past each hour (HH:MM)" : "Time of day"}
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
              <legend className="mb-1 text-sm font-medium text-slate-700">On</legend>
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
                    {d}
                  </label>
                ))}
              </div>
              <ErrorAlert variant="field" className="mt-1">
                {r("weekdays")}
              </ErrorAlert>
            </fieldset>
          ) : null}
          {s.frequency === "monthly" ? (
            <Field id="campaign-day-of-month" label="Day of the month" error={r("dayOfMonth")}>
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
            <Field id="campaign-start-date" label="Starting" error={r("startDate")}>
              <Input
                id="campaign-start-date"
                type="date"
                value={s.startDate}
                onChange={(e) => s.setStartDate(e.target.value)}
              />
            </Field>
            <Field id="campaign-end-date" label="Until (optional)" error={r("endDate")}>
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
            In each contact&apos;s local time
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}

/** An event-triggered campaign: the event, one property filter, and how late an event may be. */
function EventFields({ s, err }: { s: TState; err: (k: string) => string | undefined }) {
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="campaign-event"
          label="Event"
          error={err("schedule.event")}
          hint="Each contact in the audience who performs it gets the message, once per launch."
        >
          <Input
            id="campaign-event"
            value={s.event}
            onChange={(e) => s.setEvent(e.target.value)}
            placeholder="Cart Abandoned"
          />
        </Field>
        <Field
          id="campaign-max-delay"
          label="Maximum delay (minutes)"
          error={err("schedule.maxDelayMinutes")}
          hint="An event older than this when it arrives is not sent (counted as expired)."
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
        <legend className="mb-1 text-sm font-medium text-slate-700">
          Only when a property matches (optional)
        </legend>
        <Input
          aria-label="Event property"
          placeholder="total"
          value={s.filterProperty}
          onChange={(e) => s.setFilterProperty(e.target.value)}
        />
        <NativeSelect
          aria-label="Operator"
          value={s.filterOp}
          onChange={(e) => s.setFilterOp(e.target.value as typeof s.filterOp)}
        >
          {FILTER_OPS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </NativeSelect>
        <Input
          aria-label="Property value"
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
