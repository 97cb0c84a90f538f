"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/input";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";
import { useApiErrorText } from "@/components/app/use-api-error-text";
import { useCampaignErrorText } from "./use-campaign-error-text";
import { useReasonText } from "@/components/messages/use-reason-text";

/** Address examples, the same in every language. */
const EXAMPLE_EMAIL = "you@example.com";
const EXAMPLE_PHONE = "+14155550123";

type TOutcome = { to: string; treatment: string; status: string; reason: string | null };
type TTreatment = { label: string; templateId: string; templateVersion: number };

/**
 * Test sends from the editor, before anything is saved: every treatment to the addresses typed
 * (comma-separated) or contacts given by id, as test messages (no tracking, never in results).
 */
export function TestSendPanel({
  slug,
  channel,
  treatments,
}: {
  slug: string;
  channel: string;
  treatments: () => TTreatment[];
}) {
  const t = useTranslations("campaigns.testSend");
  const reasonText = useReasonText();
  const errorText = useApiErrorText();
  const fieldText = useCampaignErrorText();
  const [to, setTo] = useState("");
  const send = useMutation<{ sends: TOutcome[] }, ApiError>({
    mutationFn: () => {
      const items = to
        .split(/[,\s]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
      return apiFetch(`/api/w/${slug}/campaigns/test-send`, {
        method: "POST",
        body: {
          channel,
          treatments: treatments(),
          addresses: items.filter((s) => !uuid.test(s)),
          contactIds: items.filter((s) => uuid.test(s)),
        },
      });
    },
  });
  const fields = send.error?.fields ?? {};
  const fieldError =
    fields.addresses ??
    Object.entries(fields).find(
      ([k]) => k.startsWith("addresses.") || k.startsWith("contactIds."),
    )?.[1];
  const error = fieldError ? fieldText(fieldError) : send.error ? errorText(send.error) : undefined;
  return (
    <Card className="h-fit space-y-3 p-6">
      <h2 className="text-sm font-semibold text-slate-900">{t("title")}</h2>
      <Field id="campaign-test-to" label={t("sendTo")} hint={t("sendToHint")} error={error}>
        <Input
          id="campaign-test-to"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          placeholder={channel === "email" ? EXAMPLE_EMAIL : EXAMPLE_PHONE}
        />
      </Field>
      <Button
        type="button"
        variant="outline"
        disabled={send.isPending}
        onClick={() => send.mutate()}
        data-mutates
      >
        {t("send")}
      </Button>
      {send.data ? (
        <ul className="space-y-1 text-sm" role="status" data-testid="test-send-results">
          {send.data.sends.map((s, i) => (
            <li
              key={i}
              className={
                s.status === "skipped" || s.status === "failed"
                  ? "text-red-700"
                  : "text-emerald-700"
              }
            >
              {t("outcome", {
                treatment: s.treatment,
                to: s.to,
                status: t.has(`status.${s.status}` as "status.sent")
                  ? t(`status.${s.status}` as "status.sent")
                  : s.status,
              })}
              {s.reason ? ` (${reasonText(s.reason)})` : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
