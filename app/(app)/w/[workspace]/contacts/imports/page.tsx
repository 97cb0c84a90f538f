import { Upload } from "lucide-react";
import Link from "next/link";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { ImportsTable } from "@/components/imports/imports-table";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listImports } from "@/db/queries/contact-imports";

export const metadata = { title: "Contact imports" };

export default async function ImportsPage({
  params,
}: PageProps<"/w/[workspace]/contacts/imports">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const imports = await listImports(workspace.id);
  return (
    <>
      <PageHeader
        title="Contact imports"
        description="CSV files imported into Contacts: each row creates or updates the contact with its User ID."
        actions={
          can("edit") ? (
            <Button asChild data-mutates>
              <Link href={`/w/${workspace.slug}/contacts/imports/new`}>
                <Upload /> Import CSV
              </Link>
            </Button>
          ) : null
        }
      />
      <Card>
        <ImportsTable slug={workspace.slug} imports={imports} timeZone={workspace.timezone} />
      </Card>
    </>
  );
}
