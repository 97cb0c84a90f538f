"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { TopicPicker } from "./topic-picker";

/**
 * The template's subscription topic, saved as soon as it is chosen (apart from the draft's
 * autosave: the topic is the template's, not a version's, and applies from the next send on).
 */
export function TemplateTopic({
  url,
  topics,
  initial,
  readOnly,
}: {
  url: string;
  topics: { id: string; name: string }[];
  initial: string | null;
  readOnly: boolean;
}) {
  const t = useTranslations("topics.settings");
  const [value, setValue] = useState(initial);
  const save = useApiMutation((topicId: string | null) => ({
    url,
    method: "PATCH",
    body: { topicId },
  }));
  return (
    <div className="max-w-md" data-testid="template-topic">
      <TopicPicker
        id="template-topic"
        topics={topics}
        value={value}
        disabled={readOnly || save.isPending}
        error={save.fieldError("topicId") ?? save.formError}
        onChange={(v) => {
          setValue(v);
          save.mutate(v);
        }}
      />
      {save.isSuccess ? (
        <span role="status" className="text-xs text-emerald-700">
          {t("saved")}
        </span>
      ) : null}
    </div>
  );
}
