import { recordEngagement } from "@/lib/messages/engagement/record-engagement";
import { resolveTrackingToken } from "@/lib/messages/engagement/resolve-tracking-token";
import { log } from "@/lib/log/logger";

const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/** The open pixel: always answers the image, so a bad or stale token never shows a broken picture. */
export async function GET(req: Request, ctx: RouteContext<"/t/o/[token]">) {
  const { token } = await ctx.params;
  try {
    const message = await resolveTrackingToken("open", token);
    if (message)
      await recordEngagement({
        workspaceId: message.workspaceId,
        messageId: message.id,
        type: "opened",
        detail: { userAgent: req.headers.get("user-agent") ?? undefined },
      });
  } catch (err) {
    log.error("recording an open failed", { err });
  }
  return new Response(PIXEL, {
    headers: { "content-type": "image/gif", "cache-control": "no-store, max-age=0" },
  });
}
