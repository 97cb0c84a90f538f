"use client";
import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import {
  CHANNELS,
  PROFILE_FIELDS,
  type TComparison,
  type TCondition,
} from "@/lib/segments/definition";
import { errorsAt, fieldInvalid, useBuilder, within, type TFieldInvalid } from "./builder-context";
import { ComparisonEditor } from "./comparison-editor";
import { CONDITION_KINDS, newCondition, type TConditionKind } from "./condition-defaults";
import { EventNameInput, PropertyFilters, WindowInput } from "./event-fields";
import { ErrorAlert } from "@/components/ui/error-alert";

const PROFILE_LABELS: Record<string, string> = {
  userId: "User id",
  email: "Email",
  phone: "Phone",
  country: "Country",
  city: "City",
  timezone: "Time zone",
  locale: "Locale",
};
const Text = ({ children }: { children: React.ReactNode }) => (
  <span className="text-sm text-slate-500">{children}</span>
);

type Props = {
  value: TCondition;
  onChange: (c: TCondition) => void;
  onRemove: () => void;
  path: string;
  label: string;
};

/** One condition: what kind it is, the fields of that kind, and the API's errors about it. */
export function ConditionEditor({ value, onChange, onRemove, path, label }: Props) {
  const { readOnly, errors } = useBuilder();
  const messages = errorsAt(errors, path);
  return (
    <div
      className="rounded-md border border-slate-200 bg-white p-3"
      data-testid={`condition-${path}`}
      aria-invalid={messages.length > 0}
    >
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1 space-y-2">
          <NativeSelect
            aria-label={`${label} kind`}
            className="w-auto max-w-full font-medium"
            value={value.kind}
            disabled={readOnly}
            onChange={(e) => onChange(newCondition(e.target.value as TConditionKind))}
          >
            {CONDITION_KINDS.map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </NativeSelect>
          <KindFields
            value={value}
            onChange={onChange}
            label={label}
            invalid={fieldInvalid(errors, path)}
            conditionInvalid={Boolean(errors[path])}
          />
        </div>
        {readOnly ? null : (
          <Button
            variant="ghost"
            size="icon"
            aria-label={`Remove ${label}`}
            onClick={onRemove}
            data-mutates
          >
            <Trash2 />
          </Button>
        )}
      </div>
      {messages.map((m) => (
        <ErrorAlert key={m} variant="field" className="mt-2">
          {m}
        </ErrorAlert>
      ))}
    </div>
  );
}

/** `invalid` names the fields errors point at; `conditionInvalid` is an error about the whole condition (a segment cycle). */
function KindFields({
  value: c,
  onChange,
  label,
  invalid,
  conditionInvalid,
}: {
  value: TCondition;
  onChange: (c: TCondition) => void;
  label: string;
  invalid: TFieldInvalid;
  conditionInvalid: boolean;
}) {
  const { readOnly, segments, attributeKeys } = useBuilder();
  const row = "flex flex-wrap items-center gap-2";
  const cmp = (v: TComparison) => onChange({ ...c, ...v } as TCondition);
  switch (c.kind) {
    case "event":
      return (
        <div className="space-y-2">
          <div className={row}>
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
                <Text>times</Text>
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
    case "sequence":
      return (
        <div className="space-y-2">
          <div className={row}>
            <Text>did</Text>
            <EventNameInput
              label={`${label} first event`}
              value={c.first.name}
              readOnly={readOnly}
              invalid={invalid("first.name")}
              onChange={(name) => onChange({ ...c, first: { ...c.first, name } })}
            />
            <Text>then</Text>
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
            <Text>within</Text>
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
            <Text>hours</Text>
          </div>
          <PropertyFilters
            label={`${label} first event`}
            filters={c.first.filters}
            readOnly={readOnly}
            invalid={within(invalid, "first.filters")}
            onChange={(filters) => onChange({ ...c, first: { ...c.first, filters } })}
          />
          <div className={row}>
            <Text>First event happened</Text>
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
    case "event_time":
      return (
        <div className="space-y-2">
          <div className={row}>
            <Text>the</Text>
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
    case "attribute":
      return (
        <div className={row}>
          <Input
            list="segment-attribute-keys"
            aria-label={`${label} attribute`}
            aria-invalid={invalid("key")}
            placeholder="attribute, e.g. plan"
            className="w-44"
            value={c.key}
            disabled={readOnly}
            onChange={(e) => onChange({ ...c, key: e.target.value })}
          />
          <datalist id="segment-attribute-keys">
            {attributeKeys.map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
          <ComparisonEditor
            label={label}
            value={c}
            readOnly={readOnly}
            invalid={invalid}
            onChange={cmp}
          />
        </div>
      );
    case "profile":
      return (
        <div className={row}>
          <NativeSelect
            aria-label={`${label} field`}
            className="w-36"
            value={c.field}
            disabled={readOnly}
            onChange={(e) => onChange({ ...c, field: e.target.value as "country" })}
          >
            {PROFILE_FIELDS.map((f) => (
              <option key={f} value={f}>
                {PROFILE_LABELS[f]}
              </option>
            ))}
          </NativeSelect>
          <ComparisonEditor
            label={label}
            types={["string"]}
            value={c}
            readOnly={readOnly}
            invalid={invalid}
            onChange={cmp}
          />
        </div>
      );
    case "signup":
      return (
        <div className={row}>
          <Text>signed up</Text>
          <ComparisonEditor
            label={label}
            types={["date"]}
            value={c}
            readOnly={readOnly}
            invalid={invalid}
            onChange={cmp}
          />
        </div>
      );
    case "channel":
      return (
        <div className={row}>
          <NativeSelect
            aria-label={`${label} channel`}
            className="w-32"
            value={c.channel}
            disabled={readOnly}
            onChange={(e) => onChange({ ...c, channel: e.target.value as "email" })}
          >
            {CHANNELS.map((ch) => (
              <option key={ch} value={ch}>
                {ch === "in_app" ? "in-app" : ch === "sms" ? "SMS" : ch}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            aria-label={`${label} state`}
            className="w-72"
            value={c.state}
            disabled={readOnly}
            onChange={(e) => onChange({ ...c, state: e.target.value as "reachable" })}
          >
            <option value="reachable">is reachable (has an address, not opted out)</option>
            <option value="has_address">has an address</option>
            <option value="opted_out">has opted out</option>
          </NativeSelect>
        </div>
      );
    case "device":
      return (
        <div className={row}>
          <Text>has a push device on</Text>
          <NativeSelect
            aria-label={`${label} platform`}
            className="w-32"
            value={c.platform}
            disabled={readOnly}
            onChange={(e) => onChange({ ...c, platform: e.target.value as "ios" })}
          >
            <option value="ios">iOS</option>
            <option value="android">Android</option>
            <option value="web">Web</option>
          </NativeSelect>
        </div>
      );
    case "segment":
      return (
        <div className={row}>
          <NativeSelect
            aria-label={`${label} in or not in`}
            className="w-28"
            value={c.in ? "in" : "not_in"}
            disabled={readOnly}
            onChange={(e) => onChange({ ...c, in: e.target.value === "in" })}
          >
            <option value="in">is in</option>
            <option value="not_in">is not in</option>
          </NativeSelect>
          <NativeSelect
            aria-label={`${label} segment`}
            aria-invalid={conditionInvalid || invalid("segmentId")}
            className="w-64"
            value={c.segmentId}
            disabled={readOnly}
            onChange={(e) => onChange({ ...c, segmentId: e.target.value })}
          >
            <option value="">Choose a segment…</option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </NativeSelect>
        </div>
      );
  }
}
