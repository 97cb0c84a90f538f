import { recordEngagement } from "@/lib/messages/engagement/record-engagement";
import { resolveTrackingToken } from "@/lib/messages/engagement/resolve-tracking-token";
import { htmlPage } from "@/lib/messages/engagement/html-page";
import { log } from "@/lib/log/logger";

/**
 * The click redirect. The token signs the destination, so it redirects only where the message
 * pointed: a forged `u` gets a 400 page, never a redirect (no open redirect).
 */
export async function GET(req: Request, ctx: RouteContext<"/t/c/[token]">) {
  const { token } = await ctx.params;
  const url = new URL(req.url).searchParams.get("u") ?? "";
  const message = /^https?:\/\//i.test(url)
    ? await resolveTrackingToken("click", token, url)
    : null;
  if (!message) return htmlPage(400, "Link not valid", "This link is broken or has expired.");
  try {
    await recordEngagement({
      workspaceId: message.workspaceId,
      messageId: message.id,
      type: "clicked",
      detail: { url },
    });
  } catch (err) {
    log.error("recording a click failed", { err });
  }
  return new Response(null, {
    status: 302,
    headers: { location: url, "cache-control": "no-store" },
  });
}
