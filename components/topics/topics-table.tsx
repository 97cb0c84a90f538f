"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { TopicForm, type TTopicRow } from "./topic-form";

/** The workspace's topics; admins edit and delete them in place, others read. */
export function TopicsTable({
  slug,
  topics,
  admin,
}: {
  slug: string;
  topics: TTopicRow[];
  admin: boolean;
}) {
  const t = useTranslations("topics.settings");
  const tc = useTranslations("topics.channel");
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!topics.length) return <p className="px-5 py-4 text-sm text-slate-600">{t("empty")}</p>;
  return (
    <>
      <ErrorAlert variant="box" className="mx-5 mt-3">
        {error}
      </ErrorAlert>
      <ul className="divide-y divide-slate-100" aria-label={t("title")}>
        {topics.map((topic) => (
          <li key={topic.id} className="px-5 py-3" data-testid={`topic-${topic.key}`}>
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="text-sm font-medium text-slate-900">{topic.name}</span>
                  <code className="text-xs text-slate-500">{topic.key}</code>
                  <Badge tone={topic.defaultSubscribed ? "green" : "amber"}>
                    {topic.defaultSubscribed ? t("optOutShort") : t("optInShort")}
                  </Badge>
                  {topic.channels.map((c) => (
                    <Badge key={c}>{tc(c as "email")}</Badge>
                  ))}
                </div>
                {topic.description ? (
                  <p className="mt-0.5 text-xs text-slate-600">{topic.description}</p>
                ) : null}
              </div>
              {admin ? (
                <div className="flex gap-1">
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => setEditing(editing === topic.id ? null : topic.id)}
                    aria-expanded={editing === topic.id}
                  >
                    {t("edit")}
                  </Button>
                  <ConfirmDeleteButton
                    request={{ url: `/api/w/${slug}/topics/${topic.id}` }}
                    question={t("confirmDelete", { name: topic.name })}
                    onResult={setError}
                    aria-label={t("deleteLabel", { name: topic.name })}
                  />
                </div>
              ) : null}
            </div>
            {editing === topic.id ? (
              <div className="mt-3">
                <TopicForm slug={slug} topic={topic} onDone={() => setEditing(null)} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
