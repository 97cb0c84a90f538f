import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("createAccount") };
}

export default async function SignUpPage() {
  await connection(); // WAYMARK_SIGNUP is read at run time, not baked in at build
  const t = await getTranslations("auth");
  if (env.WAYMARK_SIGNUP === "invite-only") {
    return (
      <>
        <h1 className="text-lg font-semibold">{t("inviteOnlyTitle")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("inviteOnlyBody")}</p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-lg font-semibold">{t("signUpTitle")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("signUpLead")}</p>
      <SignUpForm />
      <p className="mt-6 text-center text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="font-medium text-brand-600 hover:underline">
          {t("signInTitle")}
        </Link>
      </p>
    </>
  );
}
