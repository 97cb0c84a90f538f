import { z } from "zod";

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

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
export const ZUpdateWorkspace = z.object({ name: ZWorkspaceName, timezone: ZTimeZone });

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
