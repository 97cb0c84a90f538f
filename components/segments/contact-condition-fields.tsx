"use client";
import { useTranslations } from "next-intl";
import { Input, NativeSelect } from "@/components/ui/input";
import { CHANNELS, PROFILE_FIELDS, type TComparison } from "@/lib/segments/definition";
import { useBuilder } from "./builder-context";
import { ComparisonEditor } from "./comparison-editor";
import { Muted, ROW, type TKindProps } from "./condition-fields";

/** Product names, the same in every language. */
const MOBILE_PLATFORMS = [
  ["ios", "iOS"],
  ["android", "Android"],
] as const;

/** A custom attribute compared with a value. */
export function AttributeConditionFields({
  value: c,
  onChange,
  label,
  invalid,
}: TKindProps<"attribute">) {
  const t = useTranslations("segments.builder");
  const { readOnly, attributeKeys } = useBuilder();
  const cmp = (v: TComparison) => onChange({ ...c, ...v });
  return (
    <div className={ROW}>
      <Input
        list="segment-attribute-keys"
        aria-label={t("aria.attribute", { label })}
        aria-invalid={invalid("key")}
        placeholder={t("attributePlaceholder")}
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
  const t = useTranslations("segments.builder");
  const { readOnly } = useBuilder();
  const cmp = (v: TComparison) => onChange({ ...c, ...v });
  return (
    <div className={ROW}>
      <Input
        aria-label={t("aria.accountTrait", { label })}
        aria-invalid={invalid("key")}
        placeholder={t("accountTraitPlaceholder")}
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
  const t = useTranslations("segments.builder");
  const { readOnly } = useBuilder();
  const cmp = (v: TComparison) => onChange({ ...c, ...v });
  return (
    <div className={ROW}>
      <NativeSelect
        aria-label={t("aria.field", { label })}
        className="w-auto min-w-36"
        value={c.field}
        disabled={readOnly}
        onChange={(e) => onChange({ ...c, field: e.target.value as "country" })}
      >
        {PROFILE_FIELDS.map((f) => (
          <option key={f} value={f}>
            {t(`profileFields.${f}`)}
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
  const t = useTranslations("segments.builder");
  const { readOnly } = useBuilder();
  const cmp = (v: TComparison) => onChange({ ...c, ...v });
  return (
    <div className={ROW}>
      <Muted>{t("signedUp")}</Muted>
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
  const t = useTranslations("segments.builder");
  const { readOnly } = useBuilder();
  return (
    <div className={ROW}>
      <NativeSelect
        aria-label={t("aria.channel", { label })}
        className="w-auto min-w-32"
        value={c.channel}
        disabled={readOnly}
        onChange={(e) => onChange({ ...c, channel: e.target.value as "email" })}
      >
        {CHANNELS.map((ch) => (
          <option key={ch} value={ch}>
            {t(`channels.${ch}`)}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label={t("aria.state", { label })}
        className="w-auto min-w-72"
        value={c.state}
        disabled={readOnly}
        onChange={(e) => onChange({ ...c, state: e.target.value as "reachable" })}
      >
        <option value="reachable">{t("reachable")}</option>
        <option value="has_address">{t("hasAddress")}</option>
        <option value="opted_out">{t("optedOut")}</option>
      </NativeSelect>
    </div>
  );
}

/** Has a push device on a platform. */
export function DeviceConditionFields({ value: c, onChange, label }: TKindProps<"device">) {
  const t = useTranslations("segments.builder");
  const { readOnly } = useBuilder();
  return (
    <div className={ROW}>
      <Muted>{t("hasPushDeviceOn")}</Muted>
      <NativeSelect
        aria-label={t("aria.platform", { label })}
        className="w-auto min-w-32"
        value={c.platform}
        disabled={readOnly}
        onChange={(e) => onChange({ ...c, platform: e.target.value as "ios" })}
      >
        {MOBILE_PLATFORMS.map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
        <option value="web">{t("web")}</option>
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
  const t = useTranslations("segments.builder");
  const { readOnly, segments } = useBuilder();
  return (
    <div className={ROW}>
      <NativeSelect
        aria-label={t("aria.inOrNotIn", { label })}
        className="w-auto min-w-28"
        value={c.in ? "in" : "not_in"}
        disabled={readOnly}
        onChange={(e) => onChange({ ...c, in: e.target.value === "in" })}
      >
        <option value="in">{t("isIn")}</option>
        <option value="not_in">{t("isNotIn")}</option>
      </NativeSelect>
      <NativeSelect
        aria-label={t("aria.segment", { label })}
        aria-invalid={conditionInvalid || invalid("segmentId")}
        className="w-64"
        value={c.segmentId}
        disabled={readOnly}
        onChange={(e) => onChange({ ...c, segmentId: e.target.value })}
      >
        <option value="">{t("chooseSegment")}</option>
        {segments.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
