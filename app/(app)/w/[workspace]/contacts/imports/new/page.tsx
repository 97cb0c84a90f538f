import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { UploadForm } from "@/components/imports/upload-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/imports/limits";
import { BackToImports } from "@/components/imports/back-to-imports";

export const metadata = { title: "Import contacts" };

export default async function NewImportPage({
  params,
}: PageProps<"/w/[workspace]/contacts/imports/new">) {
  const { workspace, role, can } = await requireWorkspace((await params).workspace);
  return (
    <>
      <BackToImports slug={workspace.slug} />
      <PageHeader
        title="Import contacts"
        description="Upload a CSV file, choose what each column becomes, check the preview, then import. Large files import in the background."
      />
      <Card className="max-w-2xl">
        <CardHeader title="Upload a CSV file" />
        <CardBody>
          {can("edit") ? (
            <UploadForm slug={workspace.slug} maxBytes={MAX_IMPORT_FILE_BYTES} />
          ) : (
            <p className="text-sm text-slate-600">
              Your role ({role}) can see imports and their reports but cannot import contacts.
            </p>
          )}
        </CardBody>
      </Card>
    </>
  );
}
