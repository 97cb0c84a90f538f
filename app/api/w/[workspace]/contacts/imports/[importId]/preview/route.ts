import { NextResponse } from "next/server";
import { z } from "zod";
import { zodFields } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { ValidationError } from "@/lib/errors";
import { findImportOrThrow } from "@/lib/imports/find-import-or-throw";
import { ZColumnTarget } from "@/lib/imports/mapping";
import { previewImport } from "@/lib/imports/preview-import";

type P = { workspace: string; importId: string };

// Lenient on purpose: a half-made mapping (two user ids, a name being typed) still previews.
const ZDraftColumns = z.array(ZColumnTarget);

/**
 * GET ?columns=<JSON array of targets>: the first rows as they would be imported. A read with
 * its input in the URL, so the mapping form can ask on every change without writing anything.
 */
export const GET = withWorkspace<P>("edit", async (req, { workspace, params }) => {
  const imp = await findImportOrThrow(workspace.id, params.importId);
  let raw: unknown;
  try {
    raw = JSON.parse(req.nextUrl.searchParams.get("columns") ?? "[]");
  } catch {
    throw new ValidationError({ columns: "must be a JSON array" });
  }
  const parsed = ZDraftColumns.safeParse(raw);
  if (!parsed.success)
    throw new ValidationError(
      Object.fromEntries(
        Object.entries(zodFields(parsed.error)).map(([k, v]) => [`columns.${k}`, v]),
      ),
    );
  if (parsed.data.length !== imp.header.length)
    throw new ValidationError({ columns: `must have ${imp.header.length} entries` });
  if (imp.status !== "uploaded") return NextResponse.json({ rows: [] });
  return NextResponse.json({ rows: await previewImport(imp, parsed.data) });
});
