import { z } from "zod";
import { NotFoundError } from "@/lib/errors";

/** A malformed id is the same 404 as an unknown one. */
export function campaignIdOrThrow(id: string, what = "campaign"): string {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError(`No such ${what} in this workspace`);
  return id;
}
