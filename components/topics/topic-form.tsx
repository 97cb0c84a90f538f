"use client";
import { useTranslations } from "next-intl";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field, Input, NativeSelect } from "@/components/ui/input";

const CHANNELS = ["email", "sms", "push", "voice", "in_app"] as const;

export type TTopicRow = {
  id: string;
  key: string;
  name: string;
  description: string;
  defaultSubscribed: boolean;
  channels: string[];
};

/** A new topic, or an existing one's name, description, default and channels (its key stays). */
export function TopicForm({
  slug,
  topic,
  onDone,
}: {
  slug: string;
  topic?: TTopicRow;
  onDone?: () => void;
}) {
  const t = useTranslations("topics.settings");
  const tc = useTranslations("topics.channel");
  const save = useApiMutation((body: Record<string, unknown>) => ({
    url: topic ? `/api/w/${slug}/topics/${topic.id}` : `/api/w/${slug}/topics`,
    method: topic ? "PATCH" : "POST",
    body,
  }));
  const id = (f: string) => `topic-${topic?.id ?? "new"}-${f}`;
  return (
    <form
      className="grid gap-3 md:grid-cols-2"
      aria-label={topic ? t("editLabel", { name: topic.name }) : t("newTitle")}
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const f = new FormData(form);
        const body: Record<string, unknown> = {
          name: String(f.get("name") ?? ""),
          description: String(f.get("description") ?? ""),
          defaultSubscribed: f.get("default") === "opt_out",
          channels: f.getAll("channels").map(String),
        };
        const key = String(f.get("key") ?? "").trim();
        if (!topic && key) body.key = key;
        save.mutate(body, {
          onSuccess: () => {
            if (!topic) form.reset();
            onDone?.();
          },
        });
      }}
    >
      <Field id={id("name")} label={t("name")} error={save.fieldError("name")}>
        <Input id={id("name")} name="name" defaultValue={topic?.name} required maxLength={80} />
      </Field>
      {topic ? null : (
        <Field id={id("key")} label={t("key")} hint={t("keyHint")} error={save.fieldError("key")}>
          <Input id={id("key")} name="key" className="font-mono" maxLength={63} />
        </Field>
      )}
      <Field id={id("description")} label={t("descriptionField")}>
        <Input
          id={id("description")}
          name="description"
          defaultValue={topic?.description}
          maxLength={300}
        />
      </Field>
      <Field id={id("default")} label={t("default")}>
        <NativeSelect
          id={id("default")}
          name="default"
          defaultValue={topic && !topic.defaultSubscribed ? "opt_in" : "opt_out"}
        >
          <option value="opt_out">{t("optOut")}</option>
          <option value="opt_in">{t("optIn")}</option>
        </NativeSelect>
      </Field>
      <fieldset className="md:col-span-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("channels")}</legend>
        <div className="flex flex-wrap gap-4">
          {CHANNELS.map((c) => (
            <label key={c} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="channels"
                value={c}
                defaultChecked={topic ? topic.channels.includes(c) : c === "email"}
              />
              {tc(c)}
            </label>
          ))}
        </div>
        <ErrorAlert variant="field" className="mt-1">
          {save.fieldError("channels")}
        </ErrorAlert>
      </fieldset>
      <div className="flex items-center gap-3 md:col-span-2">
        <Button type="submit" disabled={save.isPending} data-mutates>
          {topic ? t("save") : t("add")}
        </Button>
        {save.isSuccess ? (
          <span role="status" className="text-sm text-emerald-700">
            {t("saved")}
          </span>
        ) : null}
        <ErrorAlert as="span">{save.formError}</ErrorAlert>
      </div>
    </form>
  );
}
