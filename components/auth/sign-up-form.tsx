"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useApiErrorText } from "@/components/app/use-api-error-text";

/** Creates the account (and its workspace, or joins the invited one), then signs in. */
export function SignUpForm({
  invite,
}: {
  invite?: { token: string; email: string; workspaceName: string };
}) {
  const router = useRouter();
  const t = useTranslations("auth");
  const tc = useTranslations("common");
  const apiErrorText = useApiErrorText();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setFields({});
    setFormError(undefined);
    const form = new FormData(e.currentTarget);
    const body = {
      name: String(form.get("name") ?? ""),
      email: invite?.email ?? String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      ...(invite
        ? { inviteToken: invite.token }
        : { workspaceName: String(form.get("workspaceName") ?? "") || undefined }),
    };
    try {
      const { workspaceSlug } = await apiFetch<{ workspaceSlug: string }>("/api/signup", {
        method: "POST",
        body,
      });
      await signIn("credentials", { email: body.email, password: body.password, redirect: false });
      router.push(`/w/${workspaceSlug}/journeys`);
      router.refresh();
    } catch (err) {
      setPending(false);
      if (err instanceof ApiError && Object.keys(err.fields).length) setFields(err.fields);
      else setFormError(apiErrorText(err, t("signUpFailed")));
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
      <Field id="name" label={t("yourName")} error={fields.name}>
        <Input
          id="name"
          name="name"
          autoComplete="name"
          aria-invalid={Boolean(fields.name)}
          required
        />
      </Field>
      <Field id="email" label={t("workEmail")} error={fields.email}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={invite?.email}
          readOnly={Boolean(invite)}
          aria-invalid={Boolean(fields.email)}
          required
        />
      </Field>
      <Field id="password" label={tc("password")} error={fields.password} hint={t("passwordHint")}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          aria-invalid={Boolean(fields.password)}
          required
        />
      </Field>
      {invite ? null : (
        <Field
          id="workspaceName"
          label={t("workspaceName")}
          error={fields.workspaceName}
          hint={t("workspaceNameHint")}
        >
          <Input
            id="workspaceName"
            name="workspaceName"
            placeholder={t("workspaceNamePlaceholder")}
          />
        </Field>
      )}
      <ErrorAlert variant="box">{formError}</ErrorAlert>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending
          ? t("creatingAccount")
          : invite
            ? t("join", { workspace: invite.workspaceName })
            : t("createAccountButton")}
      </Button>
    </form>
  );
}
