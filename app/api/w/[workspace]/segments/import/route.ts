import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { importStaticSegment } from "@/lib/segments/import-static-segment";
import { ZImportStaticSegment } from "@/lib/segments/schemas";

/**
 * A static segment from a CSV of user ids. The browser reads the file and sends its text as
 * JSON rather than multipart: mutating routes accept only application/json, which a cross-site
 * form cannot send (README, Security notes).
 */
export const POST = withWorkspace("edit", async (req, { workspace, user }) => {
  const input = await parseJson(req, ZImportStaticSegment, { maxBytes: 8 * 1024 * 1024 });
  const { segment, matched, unmatched } = await importStaticSegment(workspace.id, user.id, input);
  return NextResponse.json(
    { segment, matched, unmatched: unmatched.slice(0, 1000), unmatchedCount: unmatched.length },
    { status: 201 },
  );
});
