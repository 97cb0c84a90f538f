"use client";
import { Input, NativeSelect } from "@/components/ui/input";
import type { TComparison } from "@/lib/segments/definition";
import { useBuilder, within } from "./builder-context";
import { ComparisonEditor } from "./comparison-editor";
import { Muted, ROW, type TKindProps } from "./condition-fields";
import { EventNameInput, PropertyFilters, WindowInput } from "./event-fields";

/** Did (or did not do) an event, how often, within a window, with property filters. */
export function EventConditionFields({ value: c, onChange, label, invalid }: TKindProps<"event">) {
  const { readOnly } = useBuilder();
  return (
    <div className="space-y-2">
      <div className={ROW}>
        <NativeSelect
          aria-label={`${label} did or did not`}
          className="w-36"
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
          <option value="did">did</option>
          <option value="did_not">did not do</option>
        </NativeSelect>
        <EventNameInput
          label={`${label} event`}
          value={c.name}
          readOnly={readOnly}
          invalid={invalid("name")}
          onChange={(name) => onChange({ ...c, name })}
        />
        {c.count.op === "exactly" && c.count.value === 0 ? null : (
          <>
            <NativeSelect
              aria-label={`${label} count`}
              className="w-32"
              value={c.count.op}
              disabled={readOnly}
              onChange={(e) =>
                onChange({ ...c, count: { ...c.count, op: e.target.value as "at_least" } })
              }
            >
              <option value="at_least">at least</option>
              <option value="at_most">at most</option>
              <option value="exactly">exactly</option>
            </NativeSelect>
            <Input
              type="number"
              min={0}
              aria-label={`${label} times`}
              aria-invalid={invalid("count")}
              className="w-20"
              value={c.count.value}
              disabled={readOnly}
              onChange={(e) =>
                onChange({ ...c, count: { ...c.count, value: Number(e.target.value) } })
              }
            />
            <Muted>times</Muted>
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
        label={`${label} event`}
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
  const { readOnly } = useBuilder();
  return (
    <div className="space-y-2">
      <div className={ROW}>
        <Muted>did</Muted>
        <EventNameInput
          label={`${label} first event`}
          value={c.first.name}
          readOnly={readOnly}
          invalid={invalid("first.name")}
          onChange={(name) => onChange({ ...c, first: { ...c.first, name } })}
        />
        <Muted>then</Muted>
        <NativeSelect
          aria-label={`${label} then did or did not`}
          className="w-36"
          value={c.mode}
          disabled={readOnly}
          onChange={(e) => onChange({ ...c, mode: e.target.value as "followed_by" })}
        >
          <option value="followed_by">did</option>
          <option value="not_followed_by">did not do</option>
        </NativeSelect>
        <EventNameInput
          label={`${label} second event`}
          value={c.then.name}
          readOnly={readOnly}
          invalid={invalid("then.name")}
          onChange={(name) => onChange({ ...c, then: { ...c.then, name } })}
        />
        <Muted>within</Muted>
        <Input
          type="number"
          min={1}
          aria-label={`${label} hours`}
          aria-invalid={invalid("withinHours")}
          className="w-20"
          value={c.withinHours}
          disabled={readOnly}
          onChange={(e) => onChange({ ...c, withinHours: Number(e.target.value) })}
        />
        <Muted>hours</Muted>
      </div>
      <PropertyFilters
        label={`${label} first event`}
        filters={c.first.filters}
        readOnly={readOnly}
        invalid={within(invalid, "first.filters")}
        onChange={(filters) => onChange({ ...c, first: { ...c.first, filters } })}
      />
      <div className={ROW}>
        <Muted>First event happened</Muted>
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
  const { readOnly } = useBuilder();
  const cmp = (v: TComparison) => onChange({ ...c, ...v });
  return (
    <div className="space-y-2">
      <div className={ROW}>
        <Muted>the</Muted>
        <NativeSelect
          aria-label={`${label} first or last`}
          className="w-24"
          value={c.which}
          disabled={readOnly}
          onChange={(e) => onChange({ ...c, which: e.target.value as "first" })}
        >
          <option value="first">first</option>
          <option value="last">last</option>
        </NativeSelect>
        <EventNameInput
          label={`${label} event`}
          value={c.name}
          readOnly={readOnly}
          invalid={invalid("name")}
          onChange={(name) => onChange({ ...c, name })}
        />
        <ComparisonEditor
          label={`${label} time`}
          types={["date"]}
          value={c}
          readOnly={readOnly}
          invalid={invalid}
          onChange={cmp}
        />
      </div>
      <PropertyFilters
        label={`${label} event`}
        filters={c.filters}
        readOnly={readOnly}
        invalid={within(invalid, "filters")}
        onChange={(filters) => onChange({ ...c, filters })}
      />
    </div>
  );
}
