import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { DefinitionsImportForm } from "@/components/definitions/definitions-import-form";
import { DownloadDefinitionButton } from "@/components/definitions/download-definition-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

export async function generateMetadata() {
  return { title: (await getTranslations("definitions"))("title") };
}

/** Settings → Definitions: export the workspace's definitions (every role); import a file (editors). */
export default async function DefinitionsPage({
  params,
}: PageProps<"/w/[workspace]/settings/definitions">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const t = await getTranslations("definitions");
  return (
    <div className="max-w-4xl space-y-6">
      <Card>
        <CardHeader title={t("exportTitle")} description={t("exportDescription")} />
        <CardBody>
          <DownloadDefinitionButton slug={workspace.slug} />
        </CardBody>
      </Card>
      {can("edit") ? (
        <Card>
          <CardHeader title={t("importTitle")} description={t("importDescription")} />
          <CardBody>
            <DefinitionsImportForm slug={workspace.slug} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
