import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/app/_server/auth";
import { findInviteByTokenHash } from "@/db/queries/invites";
import { findUserByEmail } from "@/db/queries/users";
import { AcceptInviteButton } from "@/components/auth/accept-invite-button";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { sha256Hex } from "@/lib/crypto/tokens";
import { inviteStatus } from "@/lib/members/schemas";
import { ErrorAlert } from "@/components/ui/error-alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("metaTitle") };
}

export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const t = await getTranslations("invite");
  const tr = await getTranslations("roles");
  const found = await findInviteByTokenHash(sha256Hex(token));
  if (!found) return <Message title={t("notFoundTitle")} text={t("notFoundBody")} />;
  const { invite, workspace } = found;
  const status = inviteStatus(invite, new Date());
  if (status !== "pending") return <Message title={t("unavailableTitle")} text={t(status)} />;

  const user = await currentUser();
  const intro = (
    <p className="mt-1 text-sm text-slate-600">
      {t.rich("intro", {
        workspace: workspace.name,
        role: tr(invite.role),
        b: (chunks) => <strong>{chunks}</strong>,
      })}
    </p>
  );
  const title = (
    <h1 className="text-lg font-semibold">{t("joinTitle", { workspace: workspace.name })}</h1>
  );
  if (user) {
    if (user.email !== invite.email) {
      return (
        <Message
          title={t("wrongAccountTitle")}
          text={t("wrongAccountBody", { invited: invite.email, current: user.email })}
        />
      );
    }
    return (
      <>
        {title}
        {intro}
        <AcceptInviteButton token={token} />
      </>
    );
  }
  if (await findUserByEmail(invite.email)) {
    const back = encodeURIComponent(`/invite/${token}`);
    return (
      <>
        {title}
        {intro}
        <Link
          href={`/sign-in?callbackUrl=${back}&email=${encodeURIComponent(invite.email)}`}
          className="mt-4 block text-sm font-medium text-brand-600 hover:underline"
        >
          {t("signInToAccept", { email: invite.email })}
        </Link>
      </>
    );
  }
  return (
    <>
      {title}
      {intro}
      <SignUpForm invite={{ token, email: invite.email, workspaceName: workspace.name }} />
    </>
  );
}

async function Message({ title, text }: { title: string; text: string }) {
  const t = await getTranslations("invite");
  return (
    <>
      <h1 className="text-lg font-semibold">{title}</h1>
      <ErrorAlert className="mt-2 text-slate-600">{text}</ErrorAlert>
      <Link href="/" className="mt-4 block text-sm font-medium text-brand-600 hover:underline">
        {t("goToWaymark")}
      </Link>
    </>
  );
}
