import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { contactIdOrThrow } from "@/lib/contacts/contact-id";
import { editContactAttributes } from "@/lib/contacts/edit-contact-attributes";
import { ZEditAttributes } from "@/lib/contacts/edit-schemas";

type P = { workspace: string; contactId: string };

/** `{ set: { plan: "pro" }, unset: ["trial"] }`: marketers edit a contact's attributes. */
export const PATCH = withWorkspace<P>("edit", async (req, { workspace, params, user }) => {
  const contactId = contactIdOrThrow(params.contactId);
  const body = await parseJson(req, ZEditAttributes);
  const { changed } = await editContactAttributes({
    workspaceId: workspace.id,
    contactId,
    actor: user,
    ...body,
  });
  return NextResponse.json({ changed });
});
