import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { callbackUrl, email } = await searchParams;
  // Only same-site paths: an open redirect after sign-in would be a phishing aid.
  const next = safeCallbackPath(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="text-lg font-semibold">{t("signInTitle")}</h1>
      <SignInForm callbackUrl={next} defaultEmail={typeof email === "string" ? email : ""} />
      {env.WAYMARK_SIGNUP === "open" ? (
        <p className="mt-6 text-center text-sm text-slate-600">
          {t("newToWaymark")}{" "}
          <Link href="/sign-up" className="font-medium text-brand-600 hover:underline">
            {t("createAccount")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
