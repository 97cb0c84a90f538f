"use client";
import { useApiErrorText } from "@/components/app/use-api-error-text";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { Badge } from "@/components/ui/badge";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Switch } from "@/components/ui/switch";

export type TTopicToggle = {
  key: string;
  name: string;
  subscribed: boolean;
  /** "Preference center · 4 Mar 2026, 23:30", or null while the topic's default applies. */
  lastChange: string | null;
};

/**
 * One switch per topic on the contact's profile. The switch shows the requested state while it is
 * saved; a failure puts it back and says why. Remounted (keyed by the server's state) after a save.
 */
export function TopicToggles({
  url,
  topics,
  editable,
}: {
  url: string;
  topics: TTopicToggle[];
  editable: boolean;
}) {
  const t = useTranslations("topics.profile");
  const [requested, setRequested] = useState<Record<string, boolean>>({});
  const errorText = useApiErrorText();
  const change = useApiMutation((body: Record<string, boolean>) => ({ url, method: "PUT", body }));
  if (!topics.length) return <p className="px-5 py-3 text-sm text-slate-600">{t("empty")}</p>;
  return (
    <>
      {change.error ? (
        <ErrorAlert variant="box" className="mx-5 mt-3">
          {t("error", { message: errorText(change.error) })}
        </ErrorAlert>
      ) : null}
      <ul className="divide-y divide-slate-100">
        {topics.map((topic) => {
          const on = requested[topic.key] ?? topic.subscribed;
          return (
            <li
              key={topic.key}
              className="flex items-start justify-between gap-4 px-5 py-3"
              data-testid={`contact-topic-${topic.key}`}
            >
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="text-sm font-medium text-slate-900">{topic.name}</span>
                  {on ? null : <Badge tone="red">{t("unsubscribedBadge")}</Badge>}
                </div>
                <p className="mt-0.5 text-xs text-slate-500">
                  {topic.lastChange ?? t("byDefault")}
                </p>
              </div>
              {editable ? (
                <Switch
                  aria-label={t("switchLabel", { name: topic.name })}
                  checked={on}
                  disabled={change.isPending}
                  onCheckedChange={(v) => {
                    setRequested((s) => ({ ...s, [topic.key]: v }));
                    change.mutate(
                      { [topic.key]: v },
                      {
                        onError: () =>
                          setRequested((s) =>
                            Object.fromEntries(Object.entries(s).filter(([k]) => k !== topic.key)),
                          ),
                      },
                    );
                  }}
                  data-mutates
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
