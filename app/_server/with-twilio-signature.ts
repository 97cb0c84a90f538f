import { z } from "zod";
import { readBodyText } from "@/lib/http/read-body";
import { twilioAuthToken } from "@/lib/messages/engagement/twilio-webhooks";
import { verifyTwilioSignature } from "@/lib/messages/engagement/twilio-signature";
import { errorJson, errorResponse } from "./http";
import { publicUrl } from "./public-url";

// Twilio's status and inbound webhooks are a few hundred bytes of form fields.
const MAX_WEBHOOK_BYTES = 64 * 1024;
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Twilio's webhooks into a workspace: form-encoded, signed with the workspace's own auth token
 * over the public URL Twilio called. Unsigned, badly signed or unknown: 403, nothing recorded.
 */
export function withTwilioSignature(
  handler: (
    workspaceId: string,
    params: Record<string, string>,
  ) => Promise<{ reply: string } | void>,
) {
  return async (
    req: Request,
    route: { params: Promise<{ workspaceId: string }> },
  ): Promise<Response> => {
    try {
      const { workspaceId } = await route.params;
      const token = z.uuid().safeParse(workspaceId).success
        ? await twilioAuthToken(workspaceId)
        : null;
      const text = await readBodyText(req, { maxBytes: MAX_WEBHOOK_BYTES, allowCompressed: false });
      const params = Object.fromEntries(new URLSearchParams(text));
      const url = new URL(req.url);
      const signedUrl = publicUrl(req, url.pathname + url.search);
      if (
        !token ||
        !verifyTwilioSignature(token, signedUrl, params, req.headers.get("x-twilio-signature"))
      ) {
        return errorJson(403, "invalid_signature", "Missing or invalid X-Twilio-Signature");
      }
      const answer = await handler(workspaceId, params);
      // An answer (the HELP text) goes back to the sender as TwiML's <Message>.
      const twiml = answer
        ? `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${escapeXml(answer.reply)}</Message></Response>`
        : EMPTY_TWIML;
      return new Response(twiml, { headers: { "content-type": "text/xml" } });
    } catch (err) {
      return errorResponse(err);
    }
  };
}
