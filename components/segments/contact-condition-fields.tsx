"use client";
import { Input, NativeSelect } from "@/components/ui/input";
import { channelInSentence } from "@/lib/channels/channel-meta";
import { CHANNELS, PROFILE_FIELDS, type TComparison } from "@/lib/segments/definition";
import { useBuilder } from "./builder-context";
import { ComparisonEditor } from "./comparison-editor";
import { Muted, ROW, type TKindProps } from "./condition-fields";

const PROFILE_LABELS: Record<string, string> = {
  userId: "User id",
  email: "Email",
  phone: "Phone",
  country: "Country",
  city: "City",
  timezone: "Time zone",
  locale: "Locale",
};

/** A custom attribute compared with a value. */
export function AttributeConditionFields({
  value: c,
  onChange,
  label,
  invalid,
}: TKindProps<"attribute">) {
  const { readOnly, attributeKeys } = useBuilder();
  const cmp = (v: TComparison) => onChange({ ...c, ...v });
  return (
    <div className={ROW}>
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
}

/** A trait of the contact's accounts (Segment `group`), e.g. the account's plan. */
export function AccountConditionFields({
  value: c,
  onChange,
  label,
  invalid,
}: TKindProps<"account">) {
  const { readOnly } = useBuilder();
  const cmp = (v: TComparison) => onChange({ ...c, ...v });
  return (
    <div className={ROW}>
      <Input
        aria-label={`${label} account trait`}
        aria-invalid={invalid("key")}
        placeholder="account trait, e.g. plan"
        className="w-44"
        value={c.key}
        disabled={readOnly}
        onChange={(e) => onChange({ ...c, key: e.target.value })}
      />
      <ComparisonEditor
        label={label}
        value={c}
        readOnly={readOnly}
        invalid={invalid}
        onChange={cmp}
      />
    </div>
  );
}

/** A profile field (email, country…) compared as text. */
export function ProfileConditionFields({
  value: c,
  onChange,
  label,
  invalid,
}: TKindProps<"profile">) {
  const { readOnly } = useBuilder();
  const cmp = (v: TComparison) => onChange({ ...c, ...v });
  return (
    <div className={ROW}>
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
}

/** When the contact signed up. */
export function SignupConditionFields({
  value: c,
  onChange,
  label,
  invalid,
}: TKindProps<"signup">) {
  const { readOnly } = useBuilder();
  const cmp = (v: TComparison) => onChange({ ...c, ...v });
  return (
    <div className={ROW}>
      <Muted>signed up</Muted>
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
}

/** Whether a channel can reach the contact. */
export function ChannelConditionFields({ value: c, onChange, label }: TKindProps<"channel">) {
  const { readOnly } = useBuilder();
  return (
    <div className={ROW}>
      <NativeSelect
        aria-label={`${label} channel`}
        className="w-32"
        value={c.channel}
        disabled={readOnly}
        onChange={(e) => onChange({ ...c, channel: e.target.value as "email" })}
      >
        {CHANNELS.map((ch) => (
          <option key={ch} value={ch}>
            {channelInSentence(ch)}
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
}

/** Has a push device on a platform. */
export function DeviceConditionFields({ value: c, onChange, label }: TKindProps<"device">) {
  const { readOnly } = useBuilder();
  return (
    <div className={ROW}>
      <Muted>has a push device on</Muted>
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
}

/** In (or not in) another segment. */
export function SegmentConditionFields({
  value: c,
  onChange,
  label,
  invalid,
  conditionInvalid,
}: TKindProps<"segment">) {
  const { readOnly, segments } = useBuilder();
  return (
    <div className={ROW}>
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
