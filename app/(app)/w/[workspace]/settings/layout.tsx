import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { SenderHealthBanner } from "@/components/settings/sender-health-banner";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export default async function SettingsLayout({
  children,
  params,
}: LayoutProps<"/w/[workspace]/settings">) {
  const { workspace } = await params;
  const { can, workspace: ws } = await requireWorkspace(workspace);
  const t = await getTranslations("settings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SettingsTabs slug={workspace} admin={can("manage")} />
      {can("manage") ? <SenderHealthBanner workspaceId={ws.id} slug={ws.slug} /> : null}
      {children}
    </>
  );
}
