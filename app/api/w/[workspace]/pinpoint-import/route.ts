import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { ValidationError } from "@/lib/errors";
import { importPinpointExport } from "@/lib/pinpoint/import/import-pinpoint-export";
import {
  isZipContentType,
  MAX_UPLOAD_BYTES,
  MAX_ZIP_BYTES,
  sourceOf,
  ZPinpointImportRequest,
  ZZipQuery,
} from "@/lib/pinpoint/import/import-request";
import { readZipFile } from "@/lib/pinpoint/import/read-export";
import { withSpooledUpload } from "@/lib/pinpoint/import/spool-upload";
import { zodFields } from "@/lib/validation/zod-fields";

/**
 * Settings → Import from Pinpoint (admins): a .zip as the body (`Content-Type: application/zip`,
 * `?dryRun=1|0`), streamed to disk and read entry by entry, up to 1 GB; or JSON `{ dryRun, files:
 * [{ path, base64 }] }` (a chosen folder, or `zip` base64, up to 32 MB). Answers the import report
 * (lib/pinpoint/import/report.ts) with 200 whatever it found: problems are in the report, per
 * file and per field.
 */
export const POST = withWorkspace("manage", async (req, { workspace, user }) => {
  if (isZipContentType(req.headers.get("content-type"))) {
    const query = ZZipQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!query.success) throw new ValidationError(zodFields(query.error));
    const dryRun = query.data.dryRun === "1";
    const report = await withSpooledUpload(req.body, MAX_ZIP_BYTES, async (path) =>
      importPinpointExport(workspace.id, await readZipFile(path), { dryRun, userId: user.id }),
    );
    return NextResponse.json(report);
  }
  const input = await parseJson(req, ZPinpointImportRequest, { maxBytes: MAX_UPLOAD_BYTES + 4096 });
  const report = await importPinpointExport(workspace.id, await sourceOf(input), {
    dryRun: input.dryRun,
    userId: user.id,
  });
  return NextResponse.json(report);
});
