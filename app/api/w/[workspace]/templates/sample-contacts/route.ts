import { NextResponse } from "next/server";
import { withWorkspace } from "@/app/_server/with-workspace";
import { searchSampleContacts } from "@/db/queries/sample-contacts";

type P = { workspace: string };

/** Contacts to preview a template for, searched by user id, email or name prefix. */
export const GET = withWorkspace<P>("read", async (req, { workspace }) => {
  const q = (new URL(req.url).searchParams.get("q") ?? "").slice(0, 200);
  return NextResponse.json({ contacts: await searchSampleContacts(workspace.id, q, 20) });
});
