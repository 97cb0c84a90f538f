import { z } from "zod";
import { findImport, queueImport } from "@/db/queries/contact-imports";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { ZMapping } from "./mapping";

export const ZStartImport = z.strictObject({ mapping: ZMapping });

/** Queues a draft with its column mapping; the caller then asks for the contact-import job. */
export async function startImport(
  workspaceId: string,
  importId: string,
  input: z.infer<typeof ZStartImport>,
) {
  const imp = z.uuid().safeParse(importId).success ? await findImport(workspaceId, importId) : null;
  if (!imp) throw new NotFoundError("No such import in this workspace");
  if (input.mapping.columns.length !== imp.header.length) {
    throw new ValidationError({
      "mapping.columns": `must have ${imp.header.length} entries, one per column of the file`,
    });
  }
  if (imp.status !== "uploaded")
    throw imp.status === "discarded"
      ? new ConflictError("This upload expired; upload the file again", undefined, {
          code: "import_expired",
        })
      : alreadyStarted();
  const queued = await queueImport(workspaceId, importId, input.mapping);
  if (!queued) throw alreadyStarted();
  return queued;
}

const alreadyStarted = () =>
  new ConflictError("This import has already been started", undefined, { code: "import_started" });
