/**
 * The roles a workspace member can have, in order of power. The database enum (member_role), the
 * API's zod schema and the settings pages all read this list (permissions: lib/auth/roles.ts).
 * A plain module, without drizzle, so client components can import it through lib/auth/roles.
 */
export const ROLES = ["admin", "marketer", "analyst"] as const;
export type TMemberRole = (typeof ROLES)[number];
