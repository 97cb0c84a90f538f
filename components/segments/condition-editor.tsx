"use client";
import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import type { TCondition } from "@/lib/segments/definition";
import { errorsAt, fieldInvalid, useBuilder } from "./builder-context";
import { CONDITION_KINDS, newCondition, type TConditionKind } from "./condition-defaults";
import type { TKindProps } from "./condition-fields";
import {
  AccountConditionFields,
  AttributeConditionFields,
  ChannelConditionFields,
  DeviceConditionFields,
  ProfileConditionFields,
  SegmentConditionFields,
  SignupConditionFields,
} from "./contact-condition-fields";
import {
  EventConditionFields,
  EventTimeConditionFields,
  SequenceConditionFields,
} from "./event-condition-fields";
import { ErrorAlert } from "@/components/ui/error-alert";
import { TopicConditionFields } from "./topic-condition-fields";

/** One component per condition kind, each drawing that kind's fields. */
const KIND_FIELDS: { [K in TCondition["kind"]]: React.ComponentType<TKindProps<K>> } = {
  event: EventConditionFields,
  sequence: SequenceConditionFields,
  event_time: EventTimeConditionFields,
  attribute: AttributeConditionFields,
  account: AccountConditionFields,
  profile: ProfileConditionFields,
  signup: SignupConditionFields,
  channel: ChannelConditionFields,
  topic: TopicConditionFields,
  device: DeviceConditionFields,
  segment: SegmentConditionFields,
};

function KindFields(props: TKindProps<TCondition["kind"]>) {
  const Fields = KIND_FIELDS[props.value.kind] as React.ComponentType<typeof props>;
  return <Fields {...props} />;
}

type Props = {
  value: TCondition;
  onChange: (c: TCondition) => void;
  onRemove: () => void;
  path: string;
  label: string;
};

/** One condition: what kind it is, the fields of that kind, and the API's errors about it. */
export function ConditionEditor({ value, onChange, onRemove, path, label }: Props) {
  const t = useTranslations("segments.builder");
  const tk = useTranslations("segments.kinds");
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
            aria-label={t("aria.kind", { label })}
            className="w-auto max-w-full font-medium"
            value={value.kind}
            disabled={readOnly}
            onChange={(e) => onChange(newCondition(e.target.value as TConditionKind))}
          >
            {CONDITION_KINDS.map((k) => (
              <option key={k} value={k}>
                {tk(k)}
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
            aria-label={t("aria.remove", { label })}
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
