import { z } from "zod";
import { NotFoundError } from "@/lib/errors";

/** A contact id from a URL. Anything that is not a UUID cannot name a contact, so it is a 404, not a 500 from the database. */
export function contactIdOrThrow(raw: string): string {
  if (!z.uuid().safeParse(raw).success)
    throw new NotFoundError("No such contact in this workspace");
  return raw.toLowerCase();
}

export const isContactId = (raw: string) => z.uuid().safeParse(raw).success;
