import { Upload } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { ImportsTable } from "@/components/imports/imports-table";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listImports } from "@/db/queries/contact-imports";

export async function generateMetadata() {
  return { title: (await getTranslations("pages.contacts.imports"))("title") };
}

export default async function ImportsPage({
  params,
}: PageProps<"/w/[workspace]/contacts/imports">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const imports = await listImports(workspace.id);
  const t = await getTranslations("pages.contacts.imports");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can("edit") ? (
            <Button asChild data-mutates>
              <Link href={`/w/${workspace.slug}/contacts/imports/new`}>
                <Upload /> {t("importCsv")}
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
