"use client";
import { ComparisonEditor } from "@/components/segments/comparison-editor";
import type { TComparison } from "@/lib/segments/definition";
import { NumberField, SelectField, TextField } from "./form-bits";
import { ATTRIBUTES_LIST, EVENTS_LIST, type TEditorOptions } from "../editor/editor-options";
import { PropertyFilterFields } from "./filter-fields";
import { ConditionGroupForm } from "./condition-group-form";
import { CONDITION_GROUP_DEPTH } from "@/lib/journeys/graph/node-data";

type R = Record<string, unknown>;
const KINDS = [
  ["attribute", "Contact attribute"],
  ["segment", "In a segment"],
  ["did_event", "Did an event"],
  ["engagement", "Engaged with an earlier send"],
] as const;
const GROUP = ["group", "All or any of several checks"] as const;

export const freshCondition = (kind: string): R => {
  if (kind === "attribute")
    return { kind, filter: { property: "", type: "string", op: "equals", value: "" } };
  if (kind === "segment") return { kind, segmentId: "", in: true };
  if (kind === "did_event")
    return { kind, event: "", did: true, filters: [], window: { kind: "since_entry" } };
  return { kind: "engagement", sendNodeId: "", action: "opened" };
};

/**
 * One branch condition: attribute, segment membership, a past event, engagement with a send, or an
 * AND/OR group of those. Choosing "group" keeps the check already made as the group's first.
 */
export function ConditionForm({
  value,
  onChange,
  disabled,
  options,
  label,
  path,
  fieldErrors,
  depth = 0,
}: {
  value: R;
  onChange: (c: R, key?: string) => void;
  disabled: boolean;
  options: TEditorOptions;
  label: string;
  /** Where the condition sits in the node's data (`condition`, `cases.0.condition`), for its publish errors. */
  path: string;
  fieldErrors: Record<string, string>;
  /** How many groups this condition sits in; a group is offered while publishing would accept it. */
  depth?: number;
}) {
  const kind = String(value.kind ?? "attribute");
  const kinds = depth < CONDITION_GROUP_DEPTH ? [...KINDS, GROUP] : KINDS;
  const choose = (k: string) => {
    if (k !== "group") return onChange(freshCondition(k));
    const first = kind === "group" ? freshCondition("did_event") : value;
    onChange({ kind: "group", match: "all", conditions: [first, freshCondition("did_event")] });
  };
  if (kind === "group")
    return (
      <div className="space-y-2">
        <SelectField
          label={`${label}: check`}
          value={kind}
          options={kinds}
          disabled={disabled}
          onChange={choose}
        />
        <ConditionGroupForm
          value={value}
          onChange={onChange}
          disabled={disabled}
          options={options}
          label={label}
          path={path}
          fieldErrors={fieldErrors}
          depth={depth + 1}
        />
      </div>
    );
  const filter = (value.filter ?? {}) as R;
  const window = (value.window ?? { kind: "since_entry" }) as { kind: string; hours?: number };
  return (
    <div className="space-y-3" data-testid={`condition-${label}`}>
      <SelectField
        label={`${label}: check`}
        value={kind}
        options={kinds}
        disabled={disabled}
        onChange={choose}
      />
      {kind === "attribute" ? (
        <>
          <TextField
            label="Attribute"
            value={String(filter.property ?? "")}
            list={ATTRIBUTES_LIST}
            placeholder="e.g. plan"
            disabled={disabled}
            onChange={(v) =>
              onChange({ ...value, filter: { ...filter, property: v } }, `${label}.property`)
            }
          />
          <div className="flex flex-wrap items-center gap-2">
            <ComparisonEditor
              compact
              label={`${label} comparison`}
              readOnly={disabled}
              value={filter as unknown as TComparison}
              onChange={(c) =>
                onChange(
                  { ...value, filter: { property: filter.property ?? "", ...c } },
                  `${label}.value`,
                )
              }
            />
          </div>
        </>
      ) : null}
      {kind === "segment" ? (
        <>
          <SelectField
            label="Is"
            value={value.in === false ? "out" : "in"}
            options={[
              ["in", "in"],
              ["out", "not in"],
            ]}
            disabled={disabled}
            onChange={(v) => onChange({ ...value, in: v === "in" })}
          />
          <SelectField
            label="Segment"
            value={String(value.segmentId ?? "")}
            options={[
              ["", "Choose a segment…"],
              ...options.segments.map((s) => [s.id, s.name] as const),
            ]}
            disabled={disabled}
            onChange={(v) => onChange({ ...value, segmentId: v })}
          />
        </>
      ) : null}
      {kind === "did_event" ? (
        <>
          <SelectField
            label="They"
            value={value.did === false ? "not" : "did"}
            options={[
              ["did", "did"],
              ["not", "did not do"],
            ]}
            disabled={disabled}
            onChange={(v) => onChange({ ...value, did: v === "did" })}
          />
          <TextField
            label="Event"
            value={String(value.event ?? "")}
            list={EVENTS_LIST}
            disabled={disabled}
            error={fieldErrors[`${path}.event`]}
            onChange={(v) => onChange({ ...value, event: v }, `${label}.event`)}
          />
          <PropertyFilterFields
            filters={value.filters}
            disabled={disabled}
            fieldErrors={fieldErrors}
            path={`${path}.filters`}
            onChange={(filters, key) => onChange({ ...value, filters }, key)}
          />
          <SelectField
            label="When"
            value={window.kind}
            options={[
              ["since_entry", "Since entering the journey"],
              ["last_hours", "In the last N hours"],
            ]}
            disabled={disabled}
            onChange={(v) =>
              onChange({
                ...value,
                window: v === "last_hours" ? { kind: v, hours: 24 } : { kind: v },
              })
            }
          />
          {window.kind === "last_hours" ? (
            <NumberField
              label="Hours"
              value={window.hours}
              min={1}
              disabled={disabled}
              onChange={(v) =>
                onChange({ ...value, window: { ...window, hours: v } }, `${label}.hours`)
              }
            />
          ) : null}
        </>
      ) : null}
      {kind === "engagement" ? (
        <>
          <SelectField
            label="Send step"
            value={String(value.sendNodeId ?? "")}
            options={[
              ["", "Choose an earlier send…"],
              ...options.sendNodes.map((s) => [s.id, s.label] as const),
            ]}
            disabled={disabled}
            onChange={(v) => onChange({ ...value, sendNodeId: v })}
          />
          <SelectField
            label="They"
            value={String(value.action ?? "opened")}
            options={[
              ["opened", "opened it"],
              ["clicked", "clicked it"],
              ["replied", "replied to it"],
            ]}
            disabled={disabled}
            onChange={(v) => onChange({ ...value, action: v })}
          />
        </>
      ) : null}
    </div>
  );
}
