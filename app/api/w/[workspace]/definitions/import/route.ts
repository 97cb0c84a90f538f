import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { importDefinitions } from "@/lib/definitions/import-definitions";

type P = { workspace: string };

/** A definitions file is definitions, not data: 8 MB holds thousands of journeys. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

const ZImport = z.strictObject({
  dryRun: z.boolean({ error: "must be true or false" }),
  /** The file's JSON as it was read; import-definitions checks it and names each problem's path. */
  file: z.unknown().refine((v) => v !== undefined, { error: "is required" }),
});

/**
 * Imports a definitions file (admins and marketers): `{ dryRun: true, file }` previews what would
 * be created, updated and skipped; `{ dryRun: false, file }` does it, in one transaction. A bad
 * file is a 400 whose fields are the paths of its problems (`journeys[0].graph…`).
 */
export const POST = withWorkspace<P>("edit", async (req, { workspace, user }) => {
  const body = await parseJson(req, ZImport, { maxBytes: MAX_FILE_BYTES });
  return NextResponse.json(
    await importDefinitions(workspace.id, user.id, body.file, { dryRun: body.dryRun }),
  );
});
