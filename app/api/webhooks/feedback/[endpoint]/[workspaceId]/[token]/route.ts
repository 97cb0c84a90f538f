import { NextResponse } from "next/server";
import { errorJson, errorResponse } from "@/app/_server/http";
import { readBodyText } from "@/lib/http/read-body";
import { receiveFeedback } from "@/lib/deliverability/receive-feedback";

type P = { endpoint: string; workspaceId: string; token: string };

// SES notifications, ESP batches and a DSN with the original message's headers fit in this.
const MAX_FEEDBACK_BYTES = 1024 * 1024;

/**
 * Delivery feedback (bounces, complaints, deliveries) into a workspace, from SNS (SES and End
 * User Messaging), SendGrid, Postmark, Mailgun, Resend, or a raw SMTP bounce. Authenticated by the
 * secret token in the URL and the provider's own signature (docs/deliverability.md).
 */
export async function POST(req: Request, route: { params: Promise<P> }): Promise<Response> {
  try {
    const { endpoint, workspaceId, token } = await route.params;
    const body = await readBodyText(req, { maxBytes: MAX_FEEDBACK_BYTES, allowCompressed: false });
    const result = await receiveFeedback(endpoint, workspaceId, token, {
      headers: req.headers,
      body,
    });
    if (!result.ok) return errorJson(result.status, result.code, result.why);
    const { ok: _ok, ...counts } = result;
    return NextResponse.json(counts);
  } catch (err) {
    return errorResponse(err);
  }
}
