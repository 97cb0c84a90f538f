import { PageHeader } from "@/components/app/page-header";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export default async function SettingsLayout({ children, params }: LayoutProps<"/w/[workspace]/settings">) {
  const { workspace } = await params;
  return (
    <>
      <PageHeader title="Settings" description="The workspace, who can use it, and the keys your apps send data with." />
      <SettingsTabs slug={workspace} />
      {children}
    </>
  );
}
