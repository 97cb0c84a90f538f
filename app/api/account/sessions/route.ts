import { NextResponse } from "next/server";
import { withUser } from "@/app/_server/with-workspace";
import { signOutEverywhere } from "@/lib/auth/session-user";

/**
 * Sign out everywhere: every session of the signed-in user, this one included, ends on its next
 * request (a lost laptop, a shared computer, a password that leaked).
 */
export const DELETE = withUser(async (_req, { user }) => {
  await signOutEverywhere(user.id);
  return NextResponse.json({ signedOut: true });
});
