"use client";
import { CheckField, NumberField, SelectField, TextField } from "./form-bits";
import { fromLocalInput, toLocalInput } from "./wait-forms";
import { EVENTS_LIST } from "../editor/editor-options";

type R = Record<string, unknown>;
const ENTRY = [
  ["once", "Once, ever"],
  ["reentry_after", "Again after some days"],
  ["while_not_inside", "Whenever they are not already in it"],
] as const;

/** Journey-wide rules: who may enter and when, quiet hours, frequency cap, goal. */
export function SettingsForm({
  settings,
  onChange,
  disabled,
}: {
  settings: R;
  onChange: (s: R, key?: string) => void;
  disabled: boolean;
}) {
  const entry = (settings.entry ?? { mode: "once" }) as { mode: string; days?: number };
  const quiet = settings.quietHours as
    { start: string; end: string; fallbackTimeZone?: string | null } | null | undefined;
  const cap = settings.frequencyCap as { maxPerDay: number } | null | undefined;
  const goal = settings.goal as
    { event: string; filters?: unknown[]; exitOnGoal?: boolean } | null | undefined;
  const put = (k: string, v: unknown, key?: string) => onChange({ ...settings, [k]: v }, key);
  return (
    <div className="space-y-5" data-testid="settings-form">
      <section className="space-y-3">
        <h3 className="text-sm font-semibold text-slate-900">Entry</h3>
        <SelectField
          label="A contact may enter"
          value={entry.mode}
          options={ENTRY}
          disabled={disabled}
          onChange={(m) =>
            put("entry", m === "reentry_after" ? { mode: m, days: 30 } : { mode: m })
          }
        />
        {entry.mode === "reentry_after" ? (
          <NumberField
            label="Days between entries"
            min={1}
            value={entry.days}
            disabled={disabled}
            onChange={(days) => put("entry", { ...entry, days }, "entry.days")}
          />
        ) : null}
        <TextField
          label="Starts (optional)"
          type="datetime-local"
          value={toLocalInput(String(settings.startAt ?? ""))}
          disabled={disabled}
          onChange={(v) => put("startAt", fromLocalInput(v) || null)}
        />
        <TextField
          label="Ends (optional)"
          type="datetime-local"
          value={toLocalInput(String(settings.endAt ?? ""))}
          disabled={disabled}
          onChange={(v) => put("endAt", fromLocalInput(v) || null)}
        />
      </section>
      <section className="space-y-3">
        <h3 className="text-sm font-semibold text-slate-900">Delivery</h3>
        <CheckField
          label="Quiet hours (sends wait until they end)"
          checked={!!quiet}
          disabled={disabled}
          onChange={(on) =>
            put("quietHours", on ? { start: "21:00", end: "08:00", fallbackTimeZone: null } : null)
          }
        />
        {quiet ? (
          <div className="grid grid-cols-2 gap-2">
            <TextField
              label="From"
              type="time"
              value={quiet.start}
              disabled={disabled}
              onChange={(start) => put("quietHours", { ...quiet, start })}
            />
            <TextField
              label="To"
              type="time"
              value={quiet.end}
              disabled={disabled}
              onChange={(end) => put("quietHours", { ...quiet, end })}
            />
          </div>
        ) : null}
        <CheckField
          label="Frequency cap"
          checked={!!cap}
          disabled={disabled}
          onChange={(on) => put("frequencyCap", on ? { maxPerDay: 2 } : null)}
        />
        {cap ? (
          <NumberField
            label="At most"
            suffix="messages per contact per day"
            min={1}
            value={cap.maxPerDay}
            disabled={disabled}
            onChange={(maxPerDay) => put("frequencyCap", { maxPerDay }, "cap")}
          />
        ) : null}
      </section>
      <section className="space-y-3">
        <h3 className="text-sm font-semibold text-slate-900">Goal</h3>
        <CheckField
          label="Track a conversion goal"
          checked={!!goal}
          disabled={disabled}
          onChange={(on) => put("goal", on ? { event: "", filters: [], exitOnGoal: true } : null)}
        />
        {goal ? (
          <>
            <TextField
              label="Goal event"
              value={goal.event}
              list={EVENTS_LIST}
              placeholder="e.g. Order Completed"
              disabled={disabled}
              onChange={(event) => put("goal", { ...goal, event }, "goal.event")}
            />
            <CheckField
              label="Leave the journey when the goal is reached"
              checked={goal.exitOnGoal !== false}
              disabled={disabled}
              onChange={(exitOnGoal) => put("goal", { ...goal, exitOnGoal })}
            />
          </>
        ) : null}
      </section>
    </div>
  );
}
