import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export default async function SettingsLayout({
  children,
  params,
}: LayoutProps<"/w/[workspace]/settings">) {
  const { workspace } = await params;
  const { can } = await requireWorkspace(workspace);
  return (
    <>
      <PageHeader
        title="Settings"
        description="The workspace, who can use it, the keys your apps send data with, and where messages go."
      />
      <SettingsTabs slug={workspace} admin={can("manage")} />
      {children}
    </>
  );
}
