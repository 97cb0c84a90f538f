"use client";
import { useTranslations } from "next-intl";
import { CheckField, NumberField, SelectField, TextField } from "./form-bits";
import { fromLocalInput, toLocalInput } from "./wait-forms";
import { EVENTS_LIST } from "../editor/editor-options";

type R = Record<string, unknown>;
const ENTRY = ["once", "reentry_after", "while_not_inside"] as const;

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
  const t = useTranslations("journeys.settings");
  return (
    <div className="space-y-5" data-testid="settings-form">
      <section className="space-y-3">
        <h3 className="text-sm font-semibold text-slate-900">{t("entry")}</h3>
        <SelectField
          label={t("mayEnter")}
          value={entry.mode}
          options={ENTRY.map((m) => [m, t(`entryMode.${m}`)] as const)}
          disabled={disabled}
          onChange={(m) =>
            put("entry", m === "reentry_after" ? { mode: m, days: 30 } : { mode: m })
          }
        />
        {entry.mode === "reentry_after" ? (
          <NumberField
            label={t("daysBetween")}
            min={1}
            value={entry.days}
            disabled={disabled}
            onChange={(days) => put("entry", { ...entry, days }, "entry.days")}
          />
        ) : null}
        <TextField
          label={t("starts")}
          type="datetime-local"
          value={toLocalInput(String(settings.startAt ?? ""))}
          disabled={disabled}
          onChange={(v) => put("startAt", fromLocalInput(v) || null)}
        />
        <TextField
          label={t("ends")}
          type="datetime-local"
          value={toLocalInput(String(settings.endAt ?? ""))}
          disabled={disabled}
          onChange={(v) => put("endAt", fromLocalInput(v) || null)}
        />
      </section>
      <section className="space-y-3">
        <h3 className="text-sm font-semibold text-slate-900">{t("delivery")}</h3>
        <CheckField
          label={t("quietHours")}
          checked={!!quiet}
          disabled={disabled}
          onChange={(on) =>
            put("quietHours", on ? { start: "21:00", end: "08:00", fallbackTimeZone: null } : null)
          }
        />
        {quiet ? (
          <div className="grid grid-cols-2 gap-2">
            <TextField
              label={t("from")}
              type="time"
              value={quiet.start}
              disabled={disabled}
              onChange={(start) => put("quietHours", { ...quiet, start })}
            />
            <TextField
              label={t("to")}
              type="time"
              value={quiet.end}
              disabled={disabled}
              onChange={(end) => put("quietHours", { ...quiet, end })}
            />
          </div>
        ) : null}
        <CheckField
          label={t("frequencyCap")}
          checked={!!cap}
          disabled={disabled}
          onChange={(on) => put("frequencyCap", on ? { maxPerDay: 2 } : null)}
        />
        {cap ? (
          <NumberField
            label={t("atMost")}
            suffix={t("perDay")}
            min={1}
            value={cap.maxPerDay}
            disabled={disabled}
            onChange={(maxPerDay) => put("frequencyCap", { maxPerDay }, "cap")}
          />
        ) : null}
      </section>
      <section className="space-y-3">
        <h3 className="text-sm font-semibold text-slate-900">{t("goal")}</h3>
        <CheckField
          label={t("trackGoal")}
          checked={!!goal}
          disabled={disabled}
          onChange={(on) => put("goal", on ? { event: "", filters: [], exitOnGoal: true } : null)}
        />
        {goal ? (
          <>
            <TextField
              label={t("goalEvent")}
              value={goal.event}
              list={EVENTS_LIST}
              placeholder={t("goalPlaceholder")}
              disabled={disabled}
              onChange={(event) => put("goal", { ...goal, event }, "goal.event")}
            />
            <CheckField
              label={t("exitOnGoal")}
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
