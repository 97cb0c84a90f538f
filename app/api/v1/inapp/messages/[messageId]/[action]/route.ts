import { errorJson } from "@/app/_server/http";
import { inAppPreflight, withInAppAuth } from "@/app/_server/with-inapp-auth";
import { actOnInboxMessage, ZInboxAction } from "@/lib/messages/inbox/inbox";

export const OPTIONS = inAppPreflight;

/** `POST …/messages/<id>/seen` or `…/dismissed`. */
export const POST = withInAppAuth<{ messageId: string; action: string }>(
  async (_req, { params, contact }) => {
    const action = ZInboxAction.safeParse(params.action);
    if (!action.success)
      return errorJson(404, "not_found", "Unknown action: use seen or dismissed");
    await actOnInboxMessage(contact.workspaceId, contact.contactId, params.messageId, action.data);
    return new Response(null, { status: 204 });
  },
);
