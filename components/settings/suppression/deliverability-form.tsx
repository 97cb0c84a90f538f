"use client";
import { useTranslations } from "next-intl";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field, Input } from "@/components/ui/input";

type TSettings = {
  softBounceLimit: number;
  softBounceWindowDays: number;
  softBounceSuppressDays: number;
  sendgridPublicKey: string;
  mailgunSigningKeySet: boolean;
  resendSecretSet: boolean;
};

/** The soft-bounce rule and the keys that verify SendGrid's, Mailgun's and Resend's webhooks. */
export function DeliverabilityForm({ slug, settings }: { slug: string; settings: TSettings }) {
  const t = useTranslations("settings.suppression");
  const tc = useTranslations("common");
  const save = useApiMutation((body: Record<string, unknown>) => ({
    url: `/api/w/${slug}/deliverability`,
    method: "PUT",
    body,
  }));
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const text = (k: string) => String(f.get(k) ?? "").trim();
        save.mutate({
          softBounceLimit: Number(text("softBounceLimit")),
          softBounceWindowDays: Number(text("softBounceWindowDays")),
          softBounceSuppressDays: Number(text("softBounceSuppressDays")),
          sendgridPublicKey: text("sendgridPublicKey"),
          // Blank secret fields keep what is stored.
          ...(text("mailgunSigningKey") ? { mailgunSigningKey: text("mailgunSigningKey") } : {}),
          ...(text("resendSecret") ? { resendSecret: text("resendSecret") } : {}),
        });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="soft-limit" label={t("softLimit")} error={save.fieldError("softBounceLimit")}>
          <Input
            id="soft-limit"
            name="softBounceLimit"
            type="number"
            min={1}
            defaultValue={settings.softBounceLimit}
          />
        </Field>
        <Field
          id="soft-window"
          label={t("softWindow")}
          error={save.fieldError("softBounceWindowDays")}
        >
          <Input
            id="soft-window"
            name="softBounceWindowDays"
            type="number"
            min={1}
            defaultValue={settings.softBounceWindowDays}
          />
        </Field>
        <Field
          id="soft-days"
          label={t("softDays")}
          error={save.fieldError("softBounceSuppressDays")}
        >
          <Input
            id="soft-days"
            name="softBounceSuppressDays"
            type="number"
            min={1}
            defaultValue={settings.softBounceSuppressDays}
          />
        </Field>
      </div>
      <Field
        id="sendgrid-key"
        label={t("sendgridKey")}
        hint={t("sendgridKeyHint")}
        error={save.fieldError("sendgridPublicKey")}
      >
        <Input
          id="sendgrid-key"
          name="sendgridPublicKey"
          defaultValue={settings.sendgridPublicKey}
          className="font-mono text-xs"
        />
      </Field>
      <Field
        id="mailgun-key"
        label={t("mailgunKey")}
        hint={settings.mailgunSigningKeySet ? t("keySet") : t("mailgunNotSet")}
        error={save.fieldError("mailgunSigningKey")}
      >
        <Input id="mailgun-key" name="mailgunSigningKey" type="password" autoComplete="off" />
      </Field>
      <Field
        id="resend-secret"
        label={t("resendSecret")}
        hint={settings.resendSecretSet ? t("keySet") : t("resendNotSet")}
        error={save.fieldError("resendSecret")}
      >
        <Input id="resend-secret" name="resendSecret" type="password" autoComplete="off" />
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {tc("save")}
        </Button>
        {save.isSuccess ? <span className="text-sm text-green-700">{tc("saved")}</span> : null}
        <ErrorAlert>{save.formError}</ErrorAlert>
      </div>
    </form>
  );
}
