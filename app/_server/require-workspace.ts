import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { findMembershipBySlug } from "@/db/queries/workspaces";
import { can, type TPermission } from "@/lib/auth/roles";
import { currentUser } from "./auth";

/** For pages: the user, workspace and role, or a redirect to sign-in / a 404 for non-members. */
export const requireWorkspace = cache(async (slug: string) => {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const membership = await findMembershipBySlug(slug, user.id);
  if (!membership) notFound();
  const { role, workspace } = membership;
  return { user, workspace, role, can: (p: TPermission) => can(role, p) };
});
