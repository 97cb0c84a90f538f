import { z } from "zod";
import { readFiles, readZip, type TExportSource } from "./read-export";

/**
 * What Settings → Import from Pinpoint sends. A .zip is sent as it is (`Content-Type:
 * application/zip`, `?dryRun=1`), streamed to a temporary file and read entry by entry, up to
 * MAX_ZIP_BYTES; like JSON, that content type cannot come from a cross-site form without a
 * preflight. The files of a chosen folder come base64 in JSON, up to MAX_UPLOAD_BYTES (a folder
 * that large should be zipped, or imported with the CLI, which has no limit).
 */
export const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;
export const MAX_ZIP_BYTES = 1024 * 1024 * 1024;
export const isZipContentType = (v: string | null) =>
  /^application\/(zip|x-zip-compressed)\s*(;|$)/i.test(v ?? "");
export const ZZipQuery = z.strictObject({
  dryRun: z.enum(["0", "1"], { error: "must be 0 or 1" }),
});
const ZBase64 = z
  .string({ error: "must be base64 text" })
  .max(MAX_UPLOAD_BYTES, {
    error: "the upload is larger than 24 MB; send a .zip or use the CLI for large exports",
  })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: "must be base64 text" });

export const ZPinpointImportRequest = z
  .strictObject({
    dryRun: z.boolean({ error: "must be true or false" }),
    zip: ZBase64.optional(),
    files: z
      .array(
        z.strictObject({
          path: z.string().trim().min(1, { error: "is required" }).max(500),
          base64: ZBase64,
        }),
      )
      .min(1, { error: "choose at least one file" })
      .max(5000, { error: "at most 5000 files; zip the folder or use the CLI" })
      .optional(),
  })
  .refine((v) => Boolean(v.zip) !== Boolean(v.files), {
    error: "send either zip or files",
    path: ["zip"],
  });
export type TPinpointImportRequest = z.infer<typeof ZPinpointImportRequest>;

export async function sourceOf(req: TPinpointImportRequest): Promise<TExportSource> {
  if (req.zip !== undefined) return readZip(new Uint8Array(Buffer.from(req.zip, "base64")));
  return readFiles(
    (req.files ?? []).map((f) => ({
      path: f.path,
      bytes: new Uint8Array(Buffer.from(f.base64, "base64")),
    })),
  );
}
