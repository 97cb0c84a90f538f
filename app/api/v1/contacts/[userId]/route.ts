import { NextResponse } from "next/server";
import { errorJson } from "@/app/_server/http";
import { withApiKey } from "@/app/_server/with-api-key";
import { deleteContact } from "@/db/queries/contacts";
import { contactProfile } from "@/lib/contacts/contact-profile";

type P = { userId: string };

/** The userId in the path, or null when it cannot be anyone's (bad escapes, a NUL character). */
function userIdOf(param: string): string | null {
  let id: string;
  try {
    id = decodeURIComponent(param);
  } catch {
    return null;
  }
  return id.includes("\u0000") ? null : id;
}

export const GET = withApiKey<P>("contacts:read", async (_req, { apiKey, params }) => {
  const userId = userIdOf(params.userId);
  const found = userId === null ? null : await contactProfile(apiKey.workspace.id, userId);
  if (!found) return errorJson(404, "not_found", "No contact with this userId");
  return NextResponse.json(found.json);
});

/** Right to erasure: the contact, its events, devices, anonymous ids and channel choices. */
export const DELETE = withApiKey<P>("contacts:delete", async (_req, { apiKey, params }) => {
  const userId = userIdOf(params.userId);
  const found = userId === null ? null : await contactProfile(apiKey.workspace.id, userId);
  if (!found || !(await deleteContact(apiKey.workspace.id, found.contact.id)))
    return errorJson(404, "not_found", "No contact with this userId");
  return new Response(null, { status: 204 });
});
