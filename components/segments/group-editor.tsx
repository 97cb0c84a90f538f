"use client";
import { FolderPlus, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import type { TCondition, TGroup } from "@/lib/segments/definition";
import { cn } from "@/lib/utils";
import { useBuilder } from "./builder-context";
import { newCondition, newGroup } from "./condition-defaults";
import { ConditionEditor } from "./condition-editor";
import { ErrorAlert } from "@/components/ui/error-alert";

type Props = {
  value: TGroup;
  onChange: (g: TGroup) => void;
  onRemove?: () => void;
  path: string;
  depth?: number;
};

/** An AND/OR group: its conditions and nested groups, each joined by the group's word. */
export function GroupEditor({ value, onChange, onRemove, path, depth = 0 }: Props) {
  const t = useTranslations("segments.builder");
  const { readOnly, errors } = useBuilder();
  const at = (i: number) => `${path ? `${path}.` : ""}conditions.${i}`;
  const set = (i: number, c: TGroup | TCondition) =>
    onChange({ ...value, conditions: value.conditions.map((x, j) => (j === i ? c : x)) });
  const remove = (i: number) =>
    onChange({ ...value, conditions: value.conditions.filter((_, j) => j !== i) });
  const joiner = value.match === "all" ? t("and") : t("or");
  const groupLabel = depth === 0 ? t("segment") : t("group", { path });
  const ownKey = path ? `${path}.conditions` : "conditions";
  const own = errors[ownKey] ? [errors[ownKey]] : [];
  return (
    <div
      className={cn(
        "space-y-2 rounded-lg border p-3",
        depth === 0 ? "border-slate-200 bg-slate-50" : "border-brand-100 bg-brand-50/40",
      )}
      data-testid={`group-${path || "root"}`}
    >
      <div className="flex items-center gap-2 text-sm">
        <span className="text-slate-600">{t("contactsMatching")}</span>
        <NativeSelect
          aria-label={t("aria.match", { label: groupLabel })}
          className="w-auto min-w-24"
          value={value.match}
          disabled={readOnly}
          onChange={(e) => onChange({ ...value, match: e.target.value as "all" })}
        >
          <option value="all">{t("all")}</option>
          <option value="any">{t("any")}</option>
        </NativeSelect>
        <span className="text-slate-600">{t("ofTheseConditions")}</span>
        {onRemove && !readOnly ? (
          <Button
            variant="ghost"
            size="sm"
            className="ml-auto"
            onClick={onRemove}
            aria-label={t("aria.remove", { label: groupLabel })}
            data-mutates
          >
            <Trash2 /> {t("removeGroup")}
          </Button>
        ) : null}
      </div>
      {value.conditions.map((c, i) => (
        <div key={i}>
          {i > 0 ? (
            <div className="py-1 pl-3 text-xs font-semibold tracking-wide text-brand-700">
              {joiner}
            </div>
          ) : null}
          {c.kind === "group" ? (
            <GroupEditor
              value={c}
              path={at(i)}
              depth={depth + 1}
              onChange={(g) => set(i, g)}
              onRemove={() => remove(i)}
            />
          ) : (
            <ConditionEditor
              value={c}
              path={at(i)}
              label={t("condition", {
                n: `${depth > 0 ? `${path.replace(/conditions\./g, "").replace(/\./g, "-")}-` : ""}${i + 1}`,
              })}
              onChange={(x) => set(i, x)}
              onRemove={() => remove(i)}
            />
          )}
        </div>
      ))}
      {own.map((m) => (
        <ErrorAlert key={m} variant="field">
          {m}
        </ErrorAlert>
      ))}
      {readOnly ? null : (
        <div className="flex gap-2 pt-1">
          <Button
            variant="outline"
            size="sm"
            onClick={() =>
              onChange({ ...value, conditions: [...value.conditions, newCondition("event")] })
            }
            data-mutates
          >
            <Plus /> {t("addCondition")}
          </Button>
          <Button
            variant="outline"
            size="sm"
            onClick={() =>
              onChange({
                ...value,
                conditions: [...value.conditions, newGroup(value.match === "all" ? "any" : "all")],
              })
            }
            data-mutates
          >
            <FolderPlus /> {value.match === "all" ? t("addOrGroup") : t("addAndGroup")}
          </Button>
        </div>
      )}
    </div>
  );
}
