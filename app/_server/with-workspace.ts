import type { NextRequest } from "next/server";
import { findMembershipBySlug } from "@/db/queries/workspaces";
import { can, type TPermission, type TRole } from "@/lib/auth/roles";
import type { TWorkspace } from "@/db/schema";
import { currentUser } from "./auth";
import { assertNoNulInQuery, errorJson, errorResponse } from "./http";
import { crossSiteRefusal } from "./same-origin";
import { timedRoute } from "@/lib/metrics/http-metrics";

export type TWorkspaceContext<P> = {
  params: P;
  user: { id: string; email: string; name: string };
  workspace: TWorkspace;
  role: TRole;
};

/**
 * Wraps a route under /api/w/[workspace]/…: 401 without a session, 404 when the user is not a
 * member (another tenant's workspace looks exactly like one that does not exist), 403 when the
 * role lacks `permission`; a mutation from another site is a 403 before any of that
 * (app/_server/same-origin.ts). Every query in the handler is then scoped by `ctx.workspace.id`.
 */
export function withWorkspace<P extends { workspace: string }>(
  permission: TPermission,
  handler: (req: NextRequest, ctx: TWorkspaceContext<P>) => Promise<Response>,
) {
  // Latency by route pattern (lib/metrics/http-metrics.ts).
  return timedRoute(async (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const crossSite = crossSiteRefusal(req);
      if (crossSite) return crossSite;
      const user = await currentUser();
      if (!user) return errorJson(401, "unauthenticated", "Sign in first");
      const params = await route.params;
      const membership = await findMembershipBySlug(params.workspace, user.id);
      if (!membership) return errorJson(404, "not_found", "No such workspace");
      if (!can(membership.role, permission)) {
        return errorJson(403, "forbidden", `Your role (${membership.role}) does not allow this`);
      }
      assertNoNulInQuery(req);
      return await handler(req, {
        params,
        user,
        workspace: membership.workspace,
        role: membership.role,
      });
    } catch (err) {
      return errorResponse(err);
    }
  });
}

/** For routes that need a signed-in user but no workspace (creating one, accepting an invite). */
export function withUser<P>(
  handler: (
    req: NextRequest,
    ctx: { params: P; user: { id: string; email: string; name: string } },
  ) => Promise<Response>,
) {
  return async (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const crossSite = crossSiteRefusal(req);
      if (crossSite) return crossSite;
      const user = await currentUser();
      if (!user) return errorJson(401, "unauthenticated", "Sign in first");
      return await handler(req, { params: await route.params, user });
    } catch (err) {
      return errorResponse(err);
    }
  };
}
