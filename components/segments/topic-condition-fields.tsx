"use client";
import { useTranslations } from "next-intl";
import { NativeSelect } from "@/components/ui/input";
import { useBuilder } from "./builder-context";
import { ROW, type TKindProps } from "./condition-fields";

/** Where the contact stands on a subscription topic: their choice, else the topic's default. */
export function TopicConditionFields({ value: c, onChange, label }: TKindProps<"topic">) {
  const { readOnly, topics = [] } = useBuilder();
  const t = useTranslations("topics.segment");
  // A key no topic has any more (deleted since) stays visible rather than silently changing.
  const options = topics.some((x) => x.key === c.topic)
    ? topics
    : [...(c.topic ? [{ key: c.topic, name: c.topic }] : []), ...topics];
  return (
    <div className={ROW}>
      <NativeSelect
        aria-label={t("topicLabel", { label })}
        className="w-56"
        value={c.topic}
        disabled={readOnly}
        onChange={(e) => onChange({ ...c, topic: e.target.value })}
      >
        <option value="">{t("choose")}</option>
        {options.map((x) => (
          <option key={x.key} value={x.key}>
            {x.name}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label={t("stateLabel", { label })}
        className="w-48"
        value={c.state}
        disabled={readOnly}
        onChange={(e) => onChange({ ...c, state: e.target.value as "subscribed" })}
      >
        <option value="subscribed">{t("subscribed")}</option>
        <option value="unsubscribed">{t("unsubscribed")}</option>
      </NativeSelect>
    </div>
  );
}
