import type { Metadata } from "next";
import Link from "next/link";
import { currentUser } from "@/app/_server/auth";
import { findInviteByTokenHash } from "@/db/queries/invites";
import { findUserByEmail } from "@/db/queries/users";
import { AcceptInviteButton } from "@/components/auth/accept-invite-button";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { sha256Hex } from "@/lib/crypto/tokens";
import { inviteStatus } from "@/lib/members/schemas";
import { ErrorAlert } from "@/components/ui/error-alert";

export const metadata: Metadata = { title: "Invitation" };

const DEAD: Record<string, string> = {
  expired: "This invite has expired. Ask an admin of the workspace for a new one.",
  revoked: "This invite was revoked. Ask an admin of the workspace for a new one.",
  accepted: "This invite has already been used.",
};

export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const found = await findInviteByTokenHash(sha256Hex(token));
  if (!found)
    return (
      <Message
        title="Invite not found"
        text="This invite link is not valid. Check that you copied all of it."
      />
    );
  const { invite, workspace } = found;
  const status = inviteStatus(invite, new Date());
  if (status !== "pending") return <Message title="Invite unavailable" text={DEAD[status]!} />;

  const user = await currentUser();
  const intro = (
    <p className="mt-1 text-sm text-slate-600">
      You are invited to <strong>{workspace.name}</strong> as <strong>{invite.role}</strong>.
    </p>
  );
  if (user) {
    if (user.email !== invite.email) {
      return (
        <Message
          title="Wrong account"
          text={`This invite is for ${invite.email}, but you are signed in as ${user.email}. Sign out and open the link again.`}
        />
      );
    }
    return (
      <>
        <h1 className="text-lg font-semibold">Join {workspace.name}</h1>
        {intro}
        <AcceptInviteButton token={token} />
      </>
    );
  }
  if (await findUserByEmail(invite.email)) {
    const back = encodeURIComponent(`/invite/${token}`);
    return (
      <>
        <h1 className="text-lg font-semibold">Join {workspace.name}</h1>
        {intro}
        <Link
          href={`/sign-in?callbackUrl=${back}&email=${encodeURIComponent(invite.email)}`}
          className="mt-4 block text-sm font-medium text-brand-600 hover:underline"
        >
          Sign in as {invite.email} to accept
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="text-lg font-semibold">Join {workspace.name}</h1>
      {intro}
      <SignUpForm invite={{ token, email: invite.email, workspaceName: workspace.name }} />
    </>
  );
}

function Message({ title, text }: { title: string; text: string }) {
  return (
    <>
      <h1 className="text-lg font-semibold">{title}</h1>
      <ErrorAlert className="mt-2 text-slate-600">{text}</ErrorAlert>
      <Link href="/" className="mt-4 block text-sm font-medium text-brand-600 hover:underline">
        Go to Waymark
      </Link>
    </>
  );
}
