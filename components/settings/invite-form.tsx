"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Input, NativeSelect } from "@/components/ui/input";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { ROLES } from "@/lib/auth/roles";
import { CopyField } from "./copy-field";
import { ErrorAlert } from "@/components/ui/error-alert";

export function InviteForm({ slug }: { slug: string }) {
  const t = useTranslations("settings.members");
  const tr = useTranslations("roles");
  const tc = useTranslations("common");
  const invite = useApiMutation<{ email: string; role: string }, { url: string }>((body) => ({
    url: `/api/w/${slug}/invites`,
    method: "POST",
    body,
  }));
  return (
    <div className="space-y-4">
      <form
        className="grid grid-cols-[1fr_10rem_auto] items-start gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          invite.mutate({ email: String(f.get("email")), role: String(f.get("role")) });
        }}
        noValidate
      >
        <Field id="invite-email" label={tc("email")} error={invite.fieldError("email")}>
          <Input
            id="invite-email"
            name="email"
            type="email"
            placeholder={t("emailPlaceholder")}
            data-mutates
          />
        </Field>
        <Field id="invite-role" label={t("role")} error={invite.fieldError("role")}>
          <NativeSelect id="invite-role" name="role" defaultValue="marketer" data-mutates>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Button type="submit" className="mt-6" disabled={invite.isPending} data-mutates>
          {t("inviteButton")}
        </Button>
      </form>
      <ErrorAlert>{invite.formError}</ErrorAlert>
      {invite.data ? (
        <div className="rounded-md border border-emerald-200 bg-emerald-50 p-3">
          <p className="mb-2 text-sm text-emerald-800">{t("inviteCreated")}</p>
          <CopyField value={invite.data.url} label={t("inviteLink")} />
        </div>
      ) : null}
    </div>
  );
}
