import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { WorkspaceForm } from "@/components/settings/workspace-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("settings") };
}

export default async function GeneralSettingsPage({
  params,
}: PageProps<"/w/[workspace]/settings">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const t = await getTranslations("settings.general");
  return (
    <Card className="max-w-2xl">
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        {can("manage") ? (
          <WorkspaceForm
            slug={workspace.slug}
            name={workspace.name}
            timezone={workspace.timezone}
            timeZones={Intl.supportedValuesOf("timeZone")}
          />
        ) : (
          <dl className="grid grid-cols-[10rem_1fr] gap-y-2 text-sm">
            <dt className="text-slate-500">{t("name")}</dt>
            <dd>{workspace.name}</dd>
            <dt className="text-slate-500">{t("timeZone")}</dt>
            <dd>{workspace.timezone}</dd>
            <dt className="text-slate-500">{t("urlName")}</dt>
            <dd className="font-mono">{workspace.slug}</dd>
          </dl>
        )}
      </CardBody>
    </Card>
  );
}
