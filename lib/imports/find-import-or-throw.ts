import { z } from "zod";
import { findImport } from "@/db/queries/contact-imports";
import { NotFoundError } from "@/lib/errors";

export async function findImportOrThrow(workspaceId: string, importId: string) {
  const imp = z.uuid().safeParse(importId).success ? await findImport(workspaceId, importId) : null;
  if (!imp) throw new NotFoundError("No such import in this workspace");
  return imp;
}
