import { z } from "zod";
import { NotFoundError } from "@/lib/errors";

/** A malformed id is the same 404 as an unknown one. */
export function entryIdOrThrow(id: string): string {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError("No such run in this workspace");
  return id;
}

export const isUuid = (id: string) => z.uuid().safeParse(id).success;
