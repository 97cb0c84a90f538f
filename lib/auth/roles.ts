import { z } from "zod";
import { ROLES } from "@/db/schema/member-roles";

export { ROLES };
export const ZRole = z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` });
export type TRole = z.infer<typeof ZRole>;

/**
 * What a role may do. `read`: every page, dashboard and export. `edit`: journeys, segments,
 * templates, campaigns, contacts. `manage`: settings, members, channels, API keys.
 */
export type TPermission = "read" | "edit" | "manage";

const GRANTS: Record<TRole, readonly TPermission[]> = {
  admin: ["read", "edit", "manage"],
  marketer: ["read", "edit"],
  analyst: ["read"],
};

export function can(role: TRole, permission: TPermission): boolean {
  return GRANTS[role].includes(permission);
}

export const ROLE_DESCRIPTIONS: Record<TRole, string> = {
  admin: "Everything, including settings, channels, API keys and members",
  marketer: "Creates and edits journeys, segments, templates and campaigns",
  analyst: "Reads everything, dashboards and exports; changes nothing",
};
