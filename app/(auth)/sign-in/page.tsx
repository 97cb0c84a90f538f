import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { callbackUrl, email } = await searchParams;
  // Only same-site paths: an open redirect after sign-in would be a phishing aid.
  const next = safeCallbackPath(callbackUrl);
  return (
    <>
      <h1 className="text-lg font-semibold">Sign in</h1>
      <SignInForm callbackUrl={next} defaultEmail={typeof email === "string" ? email : ""} />
      {env.WAYMARK_SIGNUP === "open" ? (
        <p className="mt-6 text-center text-sm text-slate-600">
          New to Waymark?{" "}
          <Link href="/sign-up" className="font-medium text-brand-600 hover:underline">
            Create an account
          </Link>
        </p>
      ) : null}
    </>
  );
}
