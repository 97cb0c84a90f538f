import { requireWorkspace } from "@/app/_server/require-workspace";
import { listWorkspacesForUser } from "@/db/queries/workspaces";
import { Logo } from "@/components/app/logo";
import { SidebarNav } from "@/components/app/sidebar-nav";
import { UserMenu } from "@/components/app/user-menu";
import { WorkspaceSwitcher } from "@/components/app/workspace-switcher";

export default async function WorkspaceLayout({ children, params }: LayoutProps<"/w/[workspace]">) {
  const { workspace: slug } = await params;
  const { user, workspace, role } = await requireWorkspace(slug);
  const workspaces = await listWorkspacesForUser(user.id);
  return (
    <div className="flex min-h-full">
      <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col gap-4 border-r border-slate-200 bg-white px-3 py-4">
        <Logo className="px-2 text-lg" />
        <WorkspaceSwitcher current={{ slug, name: workspace.name, role }} workspaces={workspaces} />
        <SidebarNav slug={slug} />
        <div className="mt-auto">
          <UserMenu name={user.name} email={user.email} />
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}
