import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { contactIdOrThrow } from "@/lib/contacts/contact-id";
import { changeContactTopics } from "@/lib/topics/change-contact-topics";
import { ZTopicChoices } from "@/lib/topics/topic-schemas";

type P = { workspace: string; contactId: string };

/** `{ "deals": false }`: marketers set a contact's topics by key (source "ui"). Unknown keys: 400. */
export const PUT = withWorkspace<P>("edit", async (req, { workspace, params }) => {
  const contactId = contactIdOrThrow(params.contactId);
  const choices = await parseJson(req, ZTopicChoices);
  return NextResponse.json(await changeContactTopics(workspace.id, contactId, choices));
});
