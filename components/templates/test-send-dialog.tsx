"use client";
import { useMutation } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input, NativeSelect } from "@/components/ui/input";
import type { TSendChannel } from "@/lib/channels/types";
import { apiFetch, type ApiError } from "@/lib/http/api-fetch";
import type { TSample } from "./use-template-preview";
import type { TDraftContent } from "./use-template-draft";
import { ErrorAlert } from "@/components/ui/error-alert";

type TResult = { messageId: string; status: string; reason?: string | null };

const RECIPIENT: Partial<
  Record<TSendChannel, { label: string; placeholder: string; hint: string }>
> = {
  email: {
    label: "Send to",
    placeholder: "you@example.com",
    hint: "Your own address unless you change it",
  },
  sms: { label: "Phone number", placeholder: "+14155550123", hint: "International format" },
  voice: {
    label: "Phone number",
    placeholder: "+14155550123",
    hint: "International format; the phone rings",
  },
  push: {
    label: "Device push token",
    placeholder: "FCM registration token or APNs device token",
    hint: "From your app's debug log",
  },
};

/** Sends the current draft once, personalised for the sample contact, to the user's own address or device. */
export function TestSendDialog({
  url,
  channel,
  content,
  sample,
  userEmail,
}: {
  url: string;
  channel: TSendChannel;
  content: TDraftContent;
  sample: TSample;
  userEmail: string;
}) {
  const [to, setTo] = useState(channel === "email" ? userEmail : "");
  const [platform, setPlatform] = useState<"ios" | "android" | "web">("android");
  const send = useMutation<TResult, ApiError>({
    mutationFn: () =>
      apiFetch<TResult>(url, {
        method: "POST",
        body: {
          content,
          ...(sample.kind === "contact" ? { sampleContactId: sample.id } : {}),
          ...(to.trim() ? { to: to.trim() } : {}),
          ...(channel === "push" ? { platform } : {}),
        },
      }),
  });
  const r = RECIPIENT[channel];
  const needsContact = channel === "in_app" && sample.kind !== "contact";
  const fields = send.error?.fields ?? {};
  const otherError =
    send.error && !fields.to && !fields.sampleContactId
      ? (Object.values(fields)[0] ?? send.error.message)
      : undefined;
  return (
    <Dialog onOpenChange={(o) => o && send.reset()}>
      <DialogTrigger asChild>
        <Button variant="outline" data-mutates>
          <Send /> Test send
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Send a test"
        description={
          sample.kind === "contact"
            ? `Personalised for ${sample.label}, whatever their opt-outs.`
            : "Personalised with defaults (pick a sample contact to use theirs)."
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
            <Field id="test-to" label={r.label} hint={r.hint} error={fields.to}>
              <Input
                id="test-to"
                value={to}
                placeholder={r.placeholder}
                onChange={(e) => setTo(e.target.value)}
              />
            </Field>
          ) : null}
          {channel === "push" ? (
            <Field id="test-platform" label="Platform">
              <NativeSelect
                id="test-platform"
                value={platform}
                onChange={(e) => setPlatform(e.target.value as typeof platform)}
              >
                <option value="android">Android (FCM)</option>
                <option value="ios">iOS (APNs)</option>
                <option value="web">Web</option>
              </NativeSelect>
            </Field>
          ) : null}
          {channel === "in_app" ? (
            <p
              className={
                needsContact
                  ? "rounded-md bg-amber-50 p-3 text-sm text-amber-900"
                  : "text-sm text-slate-600"
              }
            >
              {needsContact
                ? "An in-app message lands in a contact's inbox: pick a sample contact (with a user id) in the preview first."
                : `Lands in the inbox of ${sample.kind === "contact" ? sample.label : ""}.`}
            </p>
          ) : null}
          {channel === "webhook" ? (
            <p className="text-sm text-slate-600">
              Posts the rendered body to the workspace&apos;s webhook endpoint.
            </p>
          ) : null}
          <ErrorAlert>{fields.sampleContactId}</ErrorAlert>
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
                ? "Sent"
                : `Status: ${send.data.status}`}
              {send.data.reason ? ` — ${send.data.reason}` : ""}
            </p>
          ) : null}
          <Button
            type="submit"
            className="w-full"
            disabled={send.isPending || needsContact}
            data-mutates
          >
            {send.isPending ? "Sending…" : "Send test"}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
