import { isAdminOfAnyWorkspace } from "@/db/queries/workspaces";
import { env } from "@/lib/env";

/**
 * Who may see the instance's own state (Settings → System, /api/metrics by session). It spans every
 * workspace (queue depth, failing providers), so a workspace admin is not enough when strangers can
 * sign up and become admins of their own workspace.
 */
export async function isOperator(user: { id: string; email: string }): Promise<boolean> {
  if (env.WAYMARK_OPERATOR_EMAILS)
    return env.WAYMARK_OPERATOR_EMAILS.includes(user.email.toLowerCase());
  const closed = env.WAYMARK_SIGNUP === "invite-only" || env.NODE_ENV !== "production";
  return closed && (await isAdminOfAnyWorkspace(user.id));
}
