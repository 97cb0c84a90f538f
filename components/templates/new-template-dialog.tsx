"use client";
import { useTranslations } from "next-intl";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { useChannelLabel } from "@/components/app/use-labels";
import { useApiMutation } from "@/components/app/use-api-mutation";
import type { TSendChannel } from "@/lib/channels/types";
import { cn } from "@/lib/utils";
import { ChannelIcon } from "@/components/ui/channel-icon";
import { CHANNEL_META } from "@/lib/channels/channel-meta";
import { SEND_CHANNELS } from "@/lib/channels/types";
import { ErrorAlert } from "@/components/ui/error-alert";

/** Name and channel; the template opens in the editor, starting from the channel's example. */
export function NewTemplateDialog({ slug }: { slug: string }) {
  const router = useRouter();
  const t = useTranslations("templates.new");
  const tc = useTranslations("common");
  const channelLabel = useChannelLabel();
  const [name, setName] = useState("");
  const [channel, setChannel] = useState<TSendChannel>("email");
  const create = useApiMutation((v: { name: string; channel: TSendChannel }) => ({
    url: `/api/w/${slug}/templates`,
    method: "POST",
    body: v,
  }));
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button data-mutates>
          <Plus /> {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("title")} description={t("description")}>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(
              { name, channel },
              {
                onSuccess: (r) =>
                  router.push(
                    `/w/${slug}/templates/${(r as { template: { id: string } }).template.id}`,
                  ),
              },
            );
          }}
        >
          <Field id="template-name" label={tc("name")} error={create.fieldError("name")}>
            <Input
              id="template-name"
              value={name}
              autoFocus
              placeholder={t("placeholder")}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-700">{tc("channel")}</legend>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
              {SEND_CHANNELS.map((c) => {
                const { hint } = CHANNEL_META[c];
                return (
                  <label
                    key={c}
                    title={hint}
                    className={cn(
                      "flex cursor-pointer flex-col items-start gap-1 rounded-md border p-3 text-sm transition-colors",
                      channel === c
                        ? "border-brand-500 bg-brand-50 ring-2 ring-brand-100"
                        : "border-slate-200 hover:bg-slate-50",
                    )}
                  >
                    <input
                      type="radio"
                      name="template-channel"
                      value={c}
                      checked={channel === c}
                      onChange={() => setChannel(c)}
                      className="sr-only"
                    />
                    <ChannelIcon channel={c} className="size-5 text-brand-600" />
                    <span className="font-medium">{channelLabel(c)}</span>
                  </label>
                );
              })}
            </div>
          </fieldset>
          <ErrorAlert>{create.formError}</ErrorAlert>
          <Button type="submit" className="w-full" disabled={create.isPending} data-mutates>
            {t("submit")}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
