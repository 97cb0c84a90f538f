"use client";
import { useTranslations } from "next-intl";
import { Input, NativeSelect } from "@/components/ui/input";
import type { TComparison } from "@/lib/segments/definition";
import { useBuilder, within } from "./builder-context";
import { ComparisonEditor } from "./comparison-editor";
import { Muted, ROW, type TKindProps } from "./condition-fields";
import { EventNameInput, PropertyFilters, WindowInput } from "./event-fields";

/** Did (or did not do) an event, how often, within a window, with property filters. */
export function EventConditionFields({ value: c, onChange, label, invalid }: TKindProps<"event">) {
  const t = useTranslations("segments.builder");
  const { readOnly } = useBuilder();
  return (
    <div className="space-y-2">
      <div className={ROW}>
        <NativeSelect
          aria-label={t("aria.didOrDidNot", { label })}
          className="w-auto min-w-36"
          value={c.count.op === "exactly" && c.count.value === 0 ? "did_not" : "did"}
          disabled={readOnly}
          onChange={(e) =>
            onChange({
              ...c,
              count:
                e.target.value === "did_not"
                  ? { op: "exactly", value: 0 }
                  : { op: "at_least", value: 1 },
            })
          }
        >
          <option value="did">{t("did")}</option>
          <option value="did_not">{t("didNotDo")}</option>
        </NativeSelect>
        <EventNameInput
          label={t("aria.event", { label })}
          value={c.name}
          readOnly={readOnly}
          invalid={invalid("name")}
          onChange={(name) => onChange({ ...c, name })}
        />
        {c.count.op === "exactly" && c.count.value === 0 ? null : (
          <>
            <NativeSelect
              aria-label={t("aria.count", { label })}
              className="w-auto min-w-32"
              value={c.count.op}
              disabled={readOnly}
              onChange={(e) =>
                onChange({ ...c, count: { ...c.count, op: e.target.value as "at_least" } })
              }
            >
              <option value="at_least">{t("atLeast")}</option>
              <option value="at_most">{t("atMost")}</option>
              <option value="exactly">{t("exactly")}</option>
            </NativeSelect>
            <Input
              type="number"
              min={0}
              aria-label={t("aria.times", { label })}
              aria-invalid={invalid("count")}
              className="w-20"
              value={c.count.value}
              disabled={readOnly}
              onChange={(e) =>
                onChange({ ...c, count: { ...c.count, value: Number(e.target.value) } })
              }
            />
            <Muted>{t("times")}</Muted>
          </>
        )}
        <WindowInput
          label={label}
          value={c.window}
          readOnly={readOnly}
          invalid={invalid("window")}
          onChange={(window) => onChange({ ...c, window })}
        />
      </div>
      <PropertyFilters
        label={t("aria.event", { label })}
        filters={c.filters}
        readOnly={readOnly}
        invalid={within(invalid, "filters")}
        onChange={(filters) => onChange({ ...c, filters })}
      />
    </div>
  );
}

/** One event, then another (or not) within so many hours. */
export function SequenceConditionFields({
  value: c,
  onChange,
  label,
  invalid,
}: TKindProps<"sequence">) {
  const t = useTranslations("segments.builder");
  const { readOnly } = useBuilder();
  return (
    <div className="space-y-2">
      <div className={ROW}>
        <Muted>{t("did")}</Muted>
        <EventNameInput
          label={t("aria.firstEvent", { label })}
          value={c.first.name}
          readOnly={readOnly}
          invalid={invalid("first.name")}
          onChange={(name) => onChange({ ...c, first: { ...c.first, name } })}
        />
        <Muted>{t("then")}</Muted>
        <NativeSelect
          aria-label={t("aria.thenDidOrDidNot", { label })}
          className="w-auto min-w-36"
          value={c.mode}
          disabled={readOnly}
          onChange={(e) => onChange({ ...c, mode: e.target.value as "followed_by" })}
        >
          <option value="followed_by">{t("did")}</option>
          <option value="not_followed_by">{t("didNotDo")}</option>
        </NativeSelect>
        <EventNameInput
          label={t("aria.secondEvent", { label })}
          value={c.then.name}
          readOnly={readOnly}
          invalid={invalid("then.name")}
          onChange={(name) => onChange({ ...c, then: { ...c.then, name } })}
        />
        <Muted>{t("within")}</Muted>
        <Input
          type="number"
          min={1}
          aria-label={t("aria.hours", { label })}
          aria-invalid={invalid("withinHours")}
          className="w-20"
          value={c.withinHours}
          disabled={readOnly}
          onChange={(e) => onChange({ ...c, withinHours: Number(e.target.value) })}
        />
        <Muted>{t("hours")}</Muted>
      </div>
      <PropertyFilters
        label={t("aria.firstEvent", { label })}
        filters={c.first.filters}
        readOnly={readOnly}
        invalid={within(invalid, "first.filters")}
        onChange={(filters) => onChange({ ...c, first: { ...c.first, filters } })}
      />
      <div className={ROW}>
        <Muted>{t("firstEventHappened")}</Muted>
        <WindowInput
          label={label}
          value={c.window}
          readOnly={readOnly}
          invalid={invalid("window")}
          onChange={(window) => onChange({ ...c, window })}
        />
      </div>
    </div>
  );
}

/** When the first or last occurrence of an event was. */
export function EventTimeConditionFields({
  value: c,
  onChange,
  label,
  invalid,
}: TKindProps<"event_time">) {
  const t = useTranslations("segments.builder");
  const { readOnly } = useBuilder();
  const cmp = (v: TComparison) => onChange({ ...c, ...v });
  return (
    <div className="space-y-2">
      <div className={ROW}>
        <Muted>{t("the")}</Muted>
        <NativeSelect
          aria-label={t("aria.firstOrLast", { label })}
          className="w-auto min-w-24"
          value={c.which}
          disabled={readOnly}
          onChange={(e) => onChange({ ...c, which: e.target.value as "first" })}
        >
          <option value="first">{t("first")}</option>
          <option value="last">{t("last")}</option>
        </NativeSelect>
        <EventNameInput
          label={t("aria.event", { label })}
          value={c.name}
          readOnly={readOnly}
          invalid={invalid("name")}
          onChange={(name) => onChange({ ...c, name })}
        />
        <ComparisonEditor
          label={t("aria.time", { label })}
          types={["date"]}
          value={c}
          readOnly={readOnly}
          invalid={invalid}
          onChange={cmp}
        />
      </div>
      <PropertyFilters
        label={t("aria.event", { label })}
        filters={c.filters}
        readOnly={readOnly}
        invalid={within(invalid, "filters")}
        onChange={(filters) => onChange({ ...c, filters })}
      />
    </div>
  );
}
