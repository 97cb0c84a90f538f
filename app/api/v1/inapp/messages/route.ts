import { NextResponse } from "next/server";
import { inAppPreflight, withInAppAuth } from "@/app/_server/with-inapp-auth";
import { readInbox } from "@/lib/messages/inbox/inbox";

export const OPTIONS = inAppPreflight;

/** The contact's in-app inbox (contact token, or API key + `?userId=`). */
export const GET = withInAppAuth(async (_req, { contact }) =>
  NextResponse.json(await readInbox(contact.workspaceId, contact.contactId)),
);
