import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { changeContactSubscription } from "@/lib/contacts/change-contact-subscription";
import { contactIdOrThrow } from "@/lib/contacts/contact-id";
import { ZChangeSubscription } from "@/lib/contacts/edit-schemas";

type P = { workspace: string; contactId: string };

/** `{ channel: "sms", status: "unsubscribed" }`: marketers opt a contact in or out (source "ui"). PUT: the same body twice is one change. */
export const PUT = withWorkspace<P>("edit", async (req, { workspace, params, user }) => {
  const contactId = contactIdOrThrow(params.contactId);
  const body = await parseJson(req, ZChangeSubscription);
  const { changed } = await changeContactSubscription({
    workspaceId: workspace.id,
    contactId,
    actor: user,
    ...body,
  });
  return NextResponse.json({ changed });
});
