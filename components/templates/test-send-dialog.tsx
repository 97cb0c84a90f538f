"use client";
import { useMutation } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { useApiErrorText } from "@/components/app/use-api-error-text";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input, NativeSelect } from "@/components/ui/input";
import type { TSendChannel } from "@/lib/channels/types";
import { apiFetch, type ApiError } from "@/lib/http/api-fetch";
import type { TSample } from "./use-template-preview";
import type { TDraftContent } from "./use-template-draft";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useTemplateMessageText } from "./use-template-text";
import { InboxContactField, type TInboxContact } from "./inbox-contact-field";

type TResult = { messageId: string; status: string; reason?: string | null };

/** The channels sent to an address the user types; their words are `templates.testSend.to.<channel>`. */
const RECIPIENT_CHANNELS = ["email", "sms", "voice", "push"] as const;
type TRecipientChannel = (typeof RECIPIENT_CHANNELS)[number];
const isRecipientChannel = (c: TSendChannel): c is TRecipientChannel =>
  (RECIPIENT_CHANNELS as readonly string[]).includes(c);

/** Example addresses are written the same in every language. */
const EXAMPLE_ADDRESS: Partial<Record<TRecipientChannel, string>> = {
  email: "you@example.com",
  sms: "+14155550123",
  voice: "+14155550123",
};

/**
 * Sends the current draft once, personalised for the sample contact, to the user's own address or
 * device; an in-app test lands in the inbox of a contact chosen here (the sample contact at first).
 */
export function TestSendDialog({
  slug,
  url,
  channel,
  content,
  sample,
  userEmail,
}: {
  slug: string;
  url: string;
  channel: TSendChannel;
  content: TDraftContent;
  sample: TSample;
  userEmail: string;
}) {
  const t = useTranslations("templates.testSend");
  const apiErrorText = useApiErrorText();
  const messageText = useTemplateMessageText();
  const tStatus = useTranslations("messages.status");
  const statusLabel = (s: string) => (tStatus.has(s as "sent") ? tStatus(s as "sent") : s);
  const [to, setTo] = useState(channel === "email" ? userEmail : "");
  const [platform, setPlatform] = useState<"ios" | "android" | "web">("android");
  const [inbox, setInbox] = useState<TInboxContact | null>(null);
  // An in-app test is personalised for the contact whose inbox it lands in.
  const contactId = channel === "in_app" ? inbox?.id : sample.kind === "contact" ? sample.id : null;
  const send = useMutation<TResult, ApiError>({
    mutationFn: () =>
      apiFetch<TResult>(url, {
        method: "POST",
        body: {
          content,
          ...(contactId ? { sampleContactId: contactId } : {}),
          ...(to.trim() ? { to: to.trim() } : {}),
          ...(channel === "push" ? { platform } : {}),
        },
      }),
  });
  const r = isRecipientChannel(channel)
    ? {
        label: t(`to.${channel}.label`),
        hint: t(`to.${channel}.hint`),
        placeholder: EXAMPLE_ADDRESS[channel] ?? t("to.push.placeholder"),
      }
    : null;
  const needsContact = channel === "in_app" && !inbox;
  const fields = send.error?.fields ?? {};
  const otherError =
    send.error && !fields.to && !fields.sampleContactId
      ? messageText(Object.values(fields)[0] ?? apiErrorText(send.error))
      : undefined;
  return (
    <Dialog
      onOpenChange={(o) => {
        if (!o) return;
        send.reset();
        setInbox(sample.kind === "contact" ? { id: sample.id, label: sample.label } : null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" data-mutates>
          <Send /> {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={t("title")}
        description={
          channel === "in_app"
            ? t("inbox.description")
            : sample.kind === "contact"
              ? t("forContact", { name: sample.label })
              : t("withDefaults")
        }
      >
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate();
          }}
        >
          {r ? (
            <Field id="test-to" label={r.label} hint={r.hint} error={messageText(fields.to)}>
              <Input
                id="test-to"
                value={to}
                placeholder={r.placeholder}
                onChange={(e) => setTo(e.target.value)}
              />
            </Field>
          ) : null}
          {channel === "push" ? (
            <Field id="test-platform" label={t("platform")}>
              <NativeSelect
                id="test-platform"
                value={platform}
                onChange={(e) => setPlatform(e.target.value as typeof platform)}
              >
                <option value="android">{t("platforms.android")}</option>
                <option value="ios">{t("platforms.ios")}</option>
                <option value="web">{t("platforms.web")}</option>
              </NativeSelect>
            </Field>
          ) : null}
          {channel === "in_app" ? (
            <InboxContactField
              slug={slug}
              value={inbox}
              onChange={(c) => {
                setInbox(c);
                send.reset();
              }}
            />
          ) : null}
          {channel === "webhook" ? <p className="text-sm text-slate-600">{t("webhook")}</p> : null}
          <ErrorAlert>{messageText(fields.sampleContactId)}</ErrorAlert>
          <ErrorAlert>{otherError}</ErrorAlert>
          {send.data ? (
            <p
              role="status"
              data-testid="test-send-result"
              className={
                ["failed", "skipped", "bounced"].includes(send.data.status)
                  ? "rounded-md bg-amber-50 p-3 text-sm text-amber-900"
                  : "rounded-md bg-emerald-50 p-3 text-sm text-emerald-800"
              }
            >
              {send.data.status === "sent" || send.data.status === "delivered"
                ? channel === "in_app" && inbox
                  ? t("inbox.delivered", { name: inbox.label })
                  : t("sent")
                : t("status", { status: statusLabel(send.data.status) })}
              {send.data.reason ? ` — ${send.data.reason}` : ""}
            </p>
          ) : null}
          <Button
            type="submit"
            className="w-full"
            disabled={send.isPending || needsContact}
            data-mutates
          >
            {send.isPending ? t("sending") : t("submit")}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
