import { NextResponse } from "next/server";
import { withWorkspace } from "@/app/_server/with-workspace";
import { findImportOrThrow } from "@/lib/imports/find-import-or-throw";
import { importView } from "@/lib/imports/import-view";

type P = { workspace: string; importId: string };

/** Status and progress; the import page polls it. */
export const GET = withWorkspace<P>("read", async (_req, { workspace, params }) =>
  NextResponse.json({ import: importView(await findImportOrThrow(workspace.id, params.importId)) }),
);
