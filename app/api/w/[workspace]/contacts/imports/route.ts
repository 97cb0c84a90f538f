import { NextResponse } from "next/server";
import { readUploadedFile } from "@/app/_server/read-upload";
import { withWorkspace } from "@/app/_server/with-workspace";
import { listImports } from "@/db/queries/contact-imports";
import { createImport } from "@/lib/imports/create-import";
import { importView } from "@/lib/imports/import-view";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/imports/limits";

export const GET = withWorkspace("read", async (_req, { workspace }) =>
  NextResponse.json({ imports: await listImports(workspace.id) }),
);

/** Multipart upload of a CSV file (field `file`): stored as a draft, answered with its header, first rows and a suggested mapping. */
export const POST = withWorkspace("edit", async (req, { workspace, user }) => {
  const file = await readUploadedFile(req, MAX_IMPORT_FILE_BYTES);
  const created = await createImport(workspace.id, user.id, file);
  return NextResponse.json(
    {
      import: importView(created.import),
      header: created.header,
      rows: created.rows,
      suggestedMapping: created.suggestedMapping,
    },
    { status: 201 },
  );
});
