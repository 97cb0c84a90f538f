import { findWorkspaceById } from "@/db/queries/workspaces";
import { channelInSentence } from "@/lib/channels/channel-meta";
import { htmlPage } from "@/lib/messages/engagement/html-page";
import { unsubscribeFromMessage } from "@/lib/messages/engagement/record-engagement";
import { resolveTrackingToken } from "@/lib/messages/engagement/resolve-tracking-token";

const invalid = () =>
  htmlPage(
    400,
    "Link not valid",
    "This unsubscribe link is broken. Reply to the message and ask to be removed.",
  );

/**
 * GET asks first: mail scanners fetch every link, and RFC 8058 forbids unsubscribing on GET.
 * POST unsubscribes, from the page's button or from a mail client's one-click
 * (`List-Unsubscribe-Post: List-Unsubscribe=One-Click`).
 */
export async function GET(_req: Request, ctx: RouteContext<"/u/[token]">) {
  const { token } = await ctx.params;
  const message = await resolveTrackingToken("unsubscribe", token);
  if (!message) return invalid();
  const workspace = await findWorkspaceById(message.workspaceId);
  const what = `${channelInSentence(message.channel)} messages from ${workspace?.name ?? "us"}`;
  if (message.unsubscribedAt)
    return htmlPage(200, "You are unsubscribed", `You will no longer receive ${what}.`);
  return htmlPage(
    200,
    "Unsubscribe?",
    `You will no longer receive ${what}.`,
    `<form method="post"><button type="submit">Unsubscribe</button></form>`,
  );
}

export async function POST(_req: Request, ctx: RouteContext<"/u/[token]">) {
  const { token } = await ctx.params;
  const message = await resolveTrackingToken("unsubscribe", token);
  if (!message) return invalid();
  await unsubscribeFromMessage(message.workspaceId, message.id);
  const workspace = await findWorkspaceById(message.workspaceId);
  return htmlPage(
    200,
    "You are unsubscribed",
    `You will no longer receive ${channelInSentence(message.channel)} messages from ${workspace?.name ?? "us"}.`,
  );
}
