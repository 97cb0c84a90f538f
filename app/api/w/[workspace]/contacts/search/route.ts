import { NextResponse } from "next/server";
import { z } from "zod";
import { withWorkspace } from "@/app/_server/with-workspace";
import { searchSampleContacts } from "@/db/queries/sample-contacts";
import { ValidationError } from "@/lib/errors";
import { zodFields } from "@/lib/validation/zod-fields";

type P = { workspace: string };

const ZSearch = z.object({
  q: z.string().max(200, { error: "at most 200 characters" }).default(""),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** A few contacts to pick one from (test a journey on, preview for): newest, or by user id, email or name prefix. */
export const GET = withWorkspace<P>("read", async (req, { workspace }) => {
  const url = new URL(req.url);
  const parsed = ZSearch.safeParse({
    q: url.searchParams.get("q") ?? undefined,
    limit: url.searchParams.get("limit") ?? undefined,
  });
  if (!parsed.success) throw new ValidationError(zodFields(parsed.error));
  return NextResponse.json({
    contacts: await searchSampleContacts(workspace.id, parsed.data.q, parsed.data.limit),
  });
});
