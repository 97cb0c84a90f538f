"use client";
import { useTranslations } from "next-intl";
import { Input, NativeSelect } from "@/components/ui/input";
import { Td } from "@/components/ui/table";
import {
  ATTRIBUTE_TYPES,
  IMPORT_CHANNELS,
  PROFILE_FIELDS,
  type TColumnTarget,
} from "@/lib/imports/mapping";
import { attributeName, inferType } from "@/lib/imports/suggest-mapping";
import { ErrorAlert } from "@/components/ui/error-alert";

// One select per column; its value encodes the kind (and field or meaning) of the target.
const CHOICES = [
  "ignore",
  "userId",
  ...PROFILE_FIELDS.map((f) => `field:${f}` as const),
  "attribute",
  "channel:opt_out",
  "channel:opt_in",
  "topic:opt_in",
  "topic:opt_out",
] as const;

function choiceOf(t: TColumnTarget): string {
  if (t.kind === "field") return `field:${t.field}`;
  if (t.kind === "channel") return `channel:${t.meaning}`;
  if (t.kind === "topic") return `topic:${t.meaning}`;
  return t.kind;
}

function targetFor(
  choice: string,
  current: TColumnTarget,
  header: string,
  index: number,
  samples: string[],
): TColumnTarget {
  const [kind, detail] = choice.split(":") as [string, string | undefined];
  if (kind === "field") return { kind: "field", field: detail as (typeof PROFILE_FIELDS)[number] };
  if (kind === "attribute")
    return current.kind === "attribute"
      ? current
      : { kind: "attribute", name: attributeName(header, index), type: inferType(samples) };
  if (kind === "channel")
    return {
      kind: "channel",
      channel: current.kind === "channel" ? current.channel : "all",
      meaning: detail as "opt_out" | "opt_in",
    };
  if (kind === "topic")
    return {
      kind: "topic",
      topic: current.kind === "topic" ? current.topic : attributeName(header, index).toLowerCase(),
      meaning: detail as "opt_out" | "opt_in",
    };
  return { kind: kind as "ignore" | "userId" };
}

export function ColumnTargetPicker(props: {
  index: number;
  header: string;
  samples: string[];
  target: TColumnTarget;
  error?: string;
  onChange: (t: TColumnTarget) => void;
}) {
  const { index, header, samples, target, error, onChange } = props;
  const t = useTranslations("imports.picker");
  const tt = useTranslations("imports.targets");
  const name = header || t("column", { n: index + 1 });
  const tk = useTranslations("topics.import");
  return (
    <tr
      data-testid={`map-column-${index}`}
      className={target.kind === "ignore" ? "opacity-60" : undefined}
    >
      <Td className="font-mono text-xs font-medium">{name}</Td>
      <Td className="max-w-56 truncate text-xs text-slate-500" title={samples.join(", ")}>
        {samples.filter(Boolean).slice(0, 3).join(", ") || "—"}
      </Td>
      <Td>
        <NativeSelect
          aria-label={t("aria.importAs", { name })}
          value={choiceOf(target)}
          onChange={(e) => onChange(targetFor(e.target.value, target, header, index, samples))}
          className="w-60"
        >
          {CHOICES.map((c) => (
            <option key={c} value={c}>
              {c.startsWith("field:")
                ? tt(`fields.${c.slice(6) as "email"}`)
                : t(`choices.${c as "ignore"}`)}
            </option>
          ))}
        </NativeSelect>
      </Td>
      <Td>
        <div className="flex items-center gap-2">
          {target.kind === "attribute" ? (
            <>
              <Input
                aria-label={t("aria.attributeName", { name })}
                aria-invalid={error ? true : undefined}
                value={target.name}
                onChange={(e) => onChange({ ...target, name: e.target.value })}
                className="w-44 font-mono text-xs"
              />
              <NativeSelect
                aria-label={t("aria.type", { name })}
                value={target.type}
                onChange={(e) =>
                  onChange({ ...target, type: e.target.value as typeof target.type })
                }
                className="w-auto min-w-32"
              >
                {ATTRIBUTE_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`types.${type}`)}
                  </option>
                ))}
              </NativeSelect>
            </>
          ) : null}
          {target.kind === "topic" ? (
            <Input
              aria-label={tk("keyLabel", { name })}
              aria-invalid={error ? true : undefined}
              value={target.topic}
              onChange={(e) => onChange({ ...target, topic: e.target.value })}
              className="w-44 font-mono text-xs"
            />
          ) : null}
          {target.kind === "channel" ? (
            <NativeSelect
              aria-label={t("aria.channel", { name })}
              value={target.channel}
              onChange={(e) =>
                onChange({ ...target, channel: e.target.value as typeof target.channel })
              }
              className="w-40"
            >
              {IMPORT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channels.${c}`)}
                </option>
              ))}
            </NativeSelect>
          ) : null}
          {target.kind === "channel" ? (
            <span className="text-xs text-slate-500">
              {target.meaning === "opt_out" ? t("optOutMeaning") : t("optInMeaning")}
            </span>
          ) : null}
        </div>
        <ErrorAlert variant="field" className="mt-1">
          {error}
        </ErrorAlert>
      </Td>
    </tr>
  );
}
