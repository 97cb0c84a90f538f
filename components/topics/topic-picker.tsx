"use client";
import { useTranslations } from "next-intl";
import { Field, NativeSelect } from "@/components/ui/input";

/**
 * Which subscription topic a template or campaign is about. A campaign's "none" falls back to its
 * template's topic (`inheritLabel`); a template's "none" means channel opt-outs only.
 */
export function TopicPicker({
  id,
  topics,
  value,
  onChange,
  error,
  inherit = false,
  disabled,
}: {
  id: string;
  topics: { id: string; name: string }[];
  value: string | null;
  onChange: (topicId: string | null) => void;
  error?: string;
  inherit?: boolean;
  disabled?: boolean;
}) {
  const t = useTranslations("topics.picker");
  return (
    <Field id={id} label={t("label")} hint={t("hint")} error={error}>
      <NativeSelect
        id={id}
        value={value ?? ""}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">{inherit ? t("inherit") : t("none")}</option>
        {topics.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name}
          </option>
        ))}
      </NativeSelect>
    </Field>
  );
}
