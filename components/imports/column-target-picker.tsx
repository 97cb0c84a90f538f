"use client";
import { Input, NativeSelect } from "@/components/ui/input";
import { Td } from "@/components/ui/table";
import {
  ATTRIBUTE_TYPES,
  FIELD_LABELS,
  IMPORT_CHANNELS,
  PROFILE_FIELDS,
  type TColumnTarget,
} from "@/lib/imports/mapping";
import { subscriptionChannelLabel } from "@/lib/channels/channel-meta";
import { attributeName, inferType } from "@/lib/imports/suggest-mapping";
import { ErrorAlert } from "@/components/ui/error-alert";

// One select per column; its value encodes the kind (and field or meaning) of the target.
const CHOICES: { value: string; label: string }[] = [
  { value: "ignore", label: "Don't import" },
  { value: "userId", label: "User ID" },
  ...PROFILE_FIELDS.map((f) => ({ value: `field:${f}`, label: FIELD_LABELS[f] })),
  { value: "attribute", label: "Attribute" },
  { value: "channel:opt_out", label: "Opt-out flag" },
  { value: "channel:opt_in", label: "Opt-in flag" },
];

function choiceOf(t: TColumnTarget): string {
  if (t.kind === "field") return `field:${t.field}`;
  if (t.kind === "channel") return `channel:${t.meaning}`;
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
  return { kind: kind as "ignore" | "userId" };
}

const TYPE_LABELS: Record<(typeof ATTRIBUTE_TYPES)[number], string> = {
  text: "Text",
  number: "Number",
  boolean: "Yes/no",
  date: "Date",
  list: "List",
};

export function ColumnTargetPicker(props: {
  index: number;
  header: string;
  samples: string[];
  target: TColumnTarget;
  error?: string;
  onChange: (t: TColumnTarget) => void;
}) {
  const { index, header, samples, target, error, onChange } = props;
  const name = header || `Column ${index + 1}`;
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
          aria-label={`Import “${name}” as`}
          value={choiceOf(target)}
          onChange={(e) => onChange(targetFor(e.target.value, target, header, index, samples))}
          className="w-60"
        >
          {CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </NativeSelect>
      </Td>
      <Td>
        <div className="flex items-center gap-2">
          {target.kind === "attribute" ? (
            <>
              <Input
                aria-label={`Attribute name for “${name}”`}
                aria-invalid={error ? true : undefined}
                value={target.name}
                onChange={(e) => onChange({ ...target, name: e.target.value })}
                className="w-44 font-mono text-xs"
              />
              <NativeSelect
                aria-label={`Type of “${name}”`}
                value={target.type}
                onChange={(e) =>
                  onChange({ ...target, type: e.target.value as typeof target.type })
                }
                className="w-32"
              >
                {ATTRIBUTE_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {TYPE_LABELS[t]}
                  </option>
                ))}
              </NativeSelect>
            </>
          ) : null}
          {target.kind === "channel" ? (
            <NativeSelect
              aria-label={`Channel for “${name}”`}
              value={target.channel}
              onChange={(e) =>
                onChange({ ...target, channel: e.target.value as typeof target.channel })
              }
              className="w-40"
            >
              {IMPORT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {subscriptionChannelLabel(c)}
                </option>
              ))}
            </NativeSelect>
          ) : null}
          {target.kind === "channel" ? (
            <span className="text-xs text-slate-500">
              {target.meaning === "opt_out"
                ? "yes → unsubscribed, no → subscribed"
                : "yes → subscribed, no → unsubscribed"}
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
