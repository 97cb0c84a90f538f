import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { NewTemplateDialog } from "@/components/templates/new-template-dialog";
import { TemplatesTable } from "@/components/templates/templates-table";
import { Card } from "@/components/ui/card";
import { listTemplates } from "@/db/queries/templates";

export const metadata = { title: "Templates" };

export default async function TemplatesPage({ params }: PageProps<"/w/[workspace]/templates">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const rows = await listTemplates(workspace.id);
  const editable = can("edit");
  return (
    <>
      <PageHeader
        title="Templates"
        description="Email, SMS, push, voice, in-app and webhook messages, personalised with Liquid. Journeys and campaigns send the published version; drafts save as you type."
        actions={editable ? <NewTemplateDialog slug={workspace.slug} /> : null}
      />
      <Card>
        <TemplatesTable slug={workspace.slug} editable={editable} rows={rows} />
      </Card>
    </>
  );
}
