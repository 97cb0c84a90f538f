import { AppError, ForbiddenError, ValidationError } from "@/lib/errors";
import { BodyTooLargeError, readBodyBytes } from "@/lib/http/read-body";

// Room for the multipart boundaries and part headers around the file itself.
const FRAMING_BYTES = 64 * 1024;

const tooLarge = (maxBytes: number) =>
  new AppError(
    413,
    "payload_too_large",
    `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`,
    { file: `must be at most ${Math.round(maxBytes / 1024 / 1024)} MB` },
  );

/**
 * The file of a multipart upload (field `file`), refused with 413 past `maxBytes`. JSON-only
 * mutations are safe from cross-site forms by their content type; a multipart upload is not, so
 * a browser request must say it came from this site (Sec-Fetch-Site), on top of SameSite cookies.
 */
export async function readUploadedFile(
  req: Request,
  maxBytes: number,
): Promise<{ name: string; bytes: Buffer }> {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none")
    throw new ForbiddenError("Uploads must come from Waymark's own pages");
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data"))
    throw new ValidationError({
      file: "Send the file as multipart/form-data, in a field named file",
    });
  let form: FormData;
  try {
    const body = await readBodyBytes(req, { maxBytes: maxBytes + FRAMING_BYTES }).catch((e) => {
      throw e instanceof BodyTooLargeError ? tooLarge(maxBytes) : e;
    });
    form = await new Response(new Uint8Array(body), {
      headers: { "content-type": type },
    }).formData();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new ValidationError({
      file: "Could not read the upload; send it as multipart/form-data",
    });
  }
  const file = form.get("file");
  if (!file || typeof file === "string")
    throw new ValidationError({ file: "Choose a CSV file to upload" });
  if (file.size > maxBytes) throw tooLarge(maxBytes);
  return { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) };
}
