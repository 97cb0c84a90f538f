"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { ErrorAlert } from "@/components/ui/error-alert";

export function SignInForm({
  callbackUrl,
  defaultEmail,
}: {
  callbackUrl: string;
  defaultEmail: string;
}) {
  const t = useTranslations("auth");
  const tc = useTranslations("common");
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(undefined);
    const form = new FormData(e.currentTarget);
    const res = await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirect: false,
    });
    if (!res || res.error) {
      setPending(false);
      setError(
        res?.code === "rate_limited"
          ? t("rateLimited")
          : res?.code === "busy"
            ? t("busy")
            : t("wrongPassword"),
      );
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
      <Field id="email" label={tc("email")}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={defaultEmail}
          required
        />
      </Field>
      <Field id="password" label={tc("password")}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
      </Field>
      <ErrorAlert variant="box">{error}</ErrorAlert>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signingIn") : t("signInTitle")}
      </Button>
    </form>
  );
}
