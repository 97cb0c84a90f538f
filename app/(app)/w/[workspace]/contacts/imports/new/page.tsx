import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { UploadForm } from "@/components/imports/upload-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/imports/limits";
import { BackToImports } from "@/components/imports/back-to-imports";

export async function generateMetadata() {
  return { title: (await getTranslations("pages.contacts.imports"))("newTitle") };
}

export default async function NewImportPage({
  params,
}: PageProps<"/w/[workspace]/contacts/imports/new">) {
  const { workspace, role, can } = await requireWorkspace((await params).workspace);
  const t = await getTranslations("pages.contacts.imports");
  const tr = await getTranslations("roles");
  return (
    <>
      <BackToImports slug={workspace.slug} />
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <Card className="max-w-2xl">
        <CardHeader title={t("upload")} />
        <CardBody>
          {can("edit") ? (
            <UploadForm slug={workspace.slug} maxBytes={MAX_IMPORT_FILE_BYTES} />
          ) : (
            <p className="text-sm text-slate-600">{t("cannotImport", { role: tr(role) })}</p>
          )}
        </CardBody>
      </Card>
    </>
  );
}
