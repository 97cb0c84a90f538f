"use client";
import { useTranslations } from "next-intl";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field, Input } from "@/components/ui/input";

/** The preference center's colour and the answer to an SMS HELP. */
export function SubscriptionSettingsForm({
  slug,
  settings,
}: {
  slug: string;
  settings: { brandColor: string; smsHelpText: string | null };
}) {
  const t = useTranslations("topics.settings");
  const save = useApiMutation((body: { brandColor: string; smsHelpText: string | null }) => ({
    url: `/api/w/${slug}/subscription-settings`,
    method: "PUT",
    body,
  }));
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const help = String(f.get("smsHelpText") ?? "").trim();
        save.mutate({ brandColor: String(f.get("brandColor")), smsHelpText: help || null });
      }}
    >
      <Field
        id="brand-color"
        label={t("brandColor")}
        hint={t("brandColorHint")}
        error={save.fieldError("brandColor")}
      >
        <Input
          id="brand-color"
          name="brandColor"
          type="color"
          defaultValue={settings.brandColor}
          className="h-10 w-20 p-1"
        />
      </Field>
      <Field
        id="sms-help"
        label={t("smsHelp")}
        hint={t("smsHelpHint")}
        error={save.fieldError("smsHelpText")}
      >
        <Input
          id="sms-help"
          name="smsHelpText"
          defaultValue={settings.smsHelpText ?? ""}
          maxLength={320}
          placeholder={t("smsHelpPlaceholder")}
        />
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.isPending} data-mutates>
          {t("save")}
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
