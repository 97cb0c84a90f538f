"use client";
import { useTranslations } from "next-intl";
import { ComparisonEditor } from "@/components/segments/comparison-editor";
import type { TComparison } from "@/lib/segments/definition";
import { NumberField, SelectField, TextField } from "./form-bits";
import { ATTRIBUTES_LIST, EVENTS_LIST, type TEditorOptions } from "../editor/editor-options";
import { PropertyFilterFields } from "./filter-fields";
import { ConditionGroupForm } from "./condition-group-form";
import { CONDITION_GROUP_DEPTH } from "@/lib/journeys/graph/node-data";

type R = Record<string, unknown>;
const KINDS = ["attribute", "segment", "did_event", "engagement"] as const;

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
  const t = useTranslations("journeys.condition");
  const kind = String(value.kind ?? "attribute");
  const kinds = (depth < CONDITION_GROUP_DEPTH ? [...KINDS, "group" as const] : KINDS).map(
    (k) => [k, t(`kind.${k}`)] as const,
  );
  const choose = (k: string) => {
    if (k !== "group") return onChange(freshCondition(k));
    const first = kind === "group" ? freshCondition("did_event") : value;
    onChange({ kind: "group", match: "all", conditions: [first, freshCondition("did_event")] });
  };
  if (kind === "group")
    return (
      <div className="space-y-2">
        <SelectField
          label={t("check", { label })}
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
        label={t("check", { label })}
        value={kind}
        options={kinds}
        disabled={disabled}
        onChange={choose}
      />
      {kind === "attribute" ? (
        <>
          <TextField
            label={t("attribute")}
            value={String(filter.property ?? "")}
            list={ATTRIBUTES_LIST}
            placeholder={t("attributePlaceholder")}
            disabled={disabled}
            onChange={(v) =>
              onChange({ ...value, filter: { ...filter, property: v } }, `${label}.property`)
            }
          />
          <div className="flex flex-wrap items-center gap-2">
            <ComparisonEditor
              compact
              label={t("comparison", { label })}
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
            label={t("is")}
            value={value.in === false ? "out" : "in"}
            options={[
              ["in", t("in")],
              ["out", t("notIn")],
            ]}
            disabled={disabled}
            onChange={(v) => onChange({ ...value, in: v === "in" })}
          />
          <SelectField
            label={t("segment")}
            value={String(value.segmentId ?? "")}
            options={[
              ["", t("chooseSegment")],
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
            label={t("they")}
            value={value.did === false ? "not" : "did"}
            options={[
              ["did", t("did")],
              ["not", t("didNot")],
            ]}
            disabled={disabled}
            onChange={(v) => onChange({ ...value, did: v === "did" })}
          />
          <TextField
            label={t("event")}
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
            label={t("when")}
            value={window.kind}
            options={[
              ["since_entry", t("sinceEntry")],
              ["last_hours", t("lastHours")],
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
              label={t("hours")}
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
            label={t("sendStep")}
            value={String(value.sendNodeId ?? "")}
            options={[
              ["", t("chooseSend")],
              ...options.sendNodes.map((s) => [s.id, s.label] as const),
            ]}
            disabled={disabled}
            onChange={(v) => onChange({ ...value, sendNodeId: v })}
          />
          <SelectField
            label={t("they")}
            value={String(value.action ?? "opened")}
            options={[
              ["opened", t("opened")],
              ["clicked", t("clicked")],
              ["replied", t("replied")],
            ]}
            disabled={disabled}
            onChange={(v) => onChange({ ...value, action: v })}
          />
        </>
      ) : null}
    </div>
  );
}
