import { z } from "zod";
import { isTimeZone } from "@/lib/validation/time-zone";

export const ZTimeZone = z
  .string()
  .refine(isTimeZone, { error: "Unknown time zone (use an IANA name like Europe/Paris)" });

export const ZWorkspaceName = z
  .string({ error: "Workspace name is required" })
  .trim()
  .min(2, { error: "Workspace name must be at least 2 characters" })
  .max(80, { error: "Workspace name must be at most 80 characters" });

export const ZCreateWorkspace = z.object({
  name: ZWorkspaceName,
  timezone: ZTimeZone.default("UTC"),
});
/**
 * Settings → General sends name and time zone; Settings → API the Pinpoint application id alone
 * (the id a former Pinpoint app already calls; empty clears it).
 */
export const ZUpdateWorkspace = z.union([
  z.object({ name: ZWorkspaceName, timezone: ZTimeZone }),
  z.strictObject({
    pinpointApplicationId: z
      .string()
      .trim()
      .max(64, { error: "must be at most 64 characters" })
      .regex(/^[A-Za-z0-9_-]*$/, { error: "letters, digits, - and _ only" })
      .transform((v) => v || null),
  }),
]);

/** "Acme Inc." → "acme-inc"; callers add a suffix when the slug is taken. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return slug.length >= 2 ? slug : `ws-${slug || "new"}`;
}
