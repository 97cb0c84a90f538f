import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  await connection(); // WAYMARK_SIGNUP is read at run time, not baked in at build
  if (env.WAYMARK_SIGNUP === "invite-only") {
    return (
      <>
        <h1 className="text-lg font-semibold">Invitation only</h1>
        <p className="mt-2 text-sm text-slate-600">
          Ask an admin of your workspace for an invite link.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-lg font-semibold">Create your account</h1>
      <p className="mt-1 text-sm text-slate-600">You will be the admin of a new workspace.</p>
      <SignUpForm />
      <p className="mt-6 text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-600 hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
