import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { NewTemplateDialog } from "@/components/templates/new-template-dialog";
import { TemplatesTable } from "@/components/templates/templates-table";
import { Card } from "@/components/ui/card";
import { listTemplates } from "@/db/queries/templates";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("templates") };
}

export default async function TemplatesPage({ params }: PageProps<"/w/[workspace]/templates">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const rows = await listTemplates(workspace.id);
  const editable = can("edit");
  const t = await getTranslations("templates.list");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={editable ? <NewTemplateDialog slug={workspace.slug} /> : null}
      />
      <Card>
        <TemplatesTable
          slug={workspace.slug}
          editable={editable}
          rows={rows}
          timeZone={workspace.timezone}
        />
      </Card>
    </>
  );
}
