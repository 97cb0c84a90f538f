import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { importSuppressions, ZImportSuppressions } from "@/lib/deliverability/manage-suppressions";

/** A CSV of addresses to suppress, sent as JSON text like the segment import (no multipart). */
export const POST = withWorkspace("manage", async (req, { workspace, user }) => {
  const { csv } = await parseJson(req, ZImportSuppressions, { maxBytes: 9 * 1024 * 1024 });
  return NextResponse.json(await importSuppressions(workspace.id, user.id, csv));
});
