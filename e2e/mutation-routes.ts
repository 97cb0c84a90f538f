/**
 * Every session-authenticated route that changes something, with a valid body. The roles test
 * calls each as every role; app/api/route-inventory.test.ts fails when a route is missing here.
 * Paths use the route folders' own names; the test fills the brackets with real ids.
 */
export type TMutationRoute = { method: "POST" | "PATCH" | "DELETE"; path: string; body?: unknown; permission: "edit" | "manage" };

export const WORKSPACE_MUTATIONS: TMutationRoute[] = [
  { method: "PATCH", path: "/api/w/[workspace]", body: { name: "Renamed", timezone: "UTC" }, permission: "manage" },
  { method: "POST", path: "/api/w/[workspace]/invites", body: { email: "someone@example.com", role: "analyst" }, permission: "manage" },
  { method: "DELETE", path: "/api/w/[workspace]/invites/[inviteId]", permission: "manage" },
  { method: "PATCH", path: "/api/w/[workspace]/members/[userId]", body: { role: "marketer" }, permission: "manage" },
  { method: "DELETE", path: "/api/w/[workspace]/members/[userId]", permission: "manage" },
  { method: "POST", path: "/api/w/[workspace]/api-keys", body: { name: "x" }, permission: "manage" },
  { method: "DELETE", path: "/api/w/[workspace]/api-keys/[keyId]", permission: "manage" },
];

/** Mutating routes that are not workspace-scoped, with the reason each needs no role. */
export const OTHER_MUTATIONS: Record<string, string> = {
  "POST /api/signup": "public: creates an account",
  "POST /api/workspaces": "any signed-in user may create a workspace of their own",
  "POST /api/invites/accept": "the invite itself grants the role",
  "GET,POST /api/auth/[...nextauth]": "Auth.js",
  "POST /api/test/sql": "test hook, off unless WAYMARK_TEST_HOOKS=1 and AUTH_SECRET is presented",
  "GET,POST,PUT /api/inngest": "Inngest's own signed protocol",
};
