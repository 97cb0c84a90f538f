import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { BackToImports } from "@/components/imports/back-to-imports";
import { ColumnMapper } from "@/components/imports/column-mapper";
import { formatBytes, formatCount } from "@/components/imports/format";
import { ImportProgress } from "@/components/imports/import-progress";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { findImport } from "@/db/queries/contact-imports";
import { importView } from "@/lib/imports/import-view";
import { PREVIEW_ROWS } from "@/lib/imports/limits";
import { firstRecords, storedRecords } from "@/lib/imports/stored-file";
import { suggestMapping } from "@/lib/imports/suggest-mapping";

export async function generateMetadata() {
  return { title: (await getTranslations("pages.contacts.imports"))("importTitle") };
}

export default async function ImportPage({
  params,
}: PageProps<"/w/[workspace]/contacts/imports/[importId]">) {
  const { workspace: slug, importId } = await params;
  const { workspace, role, can } = await requireWorkspace(slug);
  const imp = z.uuid().safeParse(importId).success
    ? await findImport(workspace.id, importId)
    : null;
  if (!imp) notFound();
  const t = await getTranslations("pages.contacts.imports");
  const tr = await getTranslations("roles");
  // Row counts of a started import are in its progress card, which stays current; this header does not.
  const rowCount =
    imp.status === "uploaded"
      ? ` · ${t("aboutRows", { count: imp.totalRows, n: formatCount(imp.totalRows) })}`
      : "";
  const description = `${formatBytes(imp.fileBytes)}${rowCount}${imp.createdByName ? ` · ${t("uploadedBy", { name: imp.createdByName })}` : ""}`;

  if (imp.status !== "uploaded") {
    return (
      <>
        <BackToImports slug={workspace.slug} />
        <PageHeader title={imp.fileName} description={description} />
        <ImportProgress
          slug={workspace.slug}
          initial={JSON.parse(JSON.stringify(importView(imp)))}
        />
      </>
    );
  }

  if (!can("edit")) {
    return (
      <>
        <BackToImports slug={workspace.slug} />
        <PageHeader title={imp.fileName} description={description} />
        <Card>
          <CardHeader title={t("notStarted")} />
          <CardBody>
            <p className="text-sm text-slate-600">{t("notMapped", { role: tr(role) })}</p>
          </CardBody>
        </Card>
      </>
    );
  }

  const { rows } = await firstRecords(storedRecords(imp), PREVIEW_ROWS);
  const samples = rows.map((r) => r.values);
  return (
    <>
      <BackToImports slug={workspace.slug} />
      <PageHeader title={imp.fileName} description={description} />
      <ColumnMapper
        slug={workspace.slug}
        importId={imp.id}
        header={imp.header}
        samples={samples}
        initial={suggestMapping(imp.header, samples)}
      />
    </>
  );
}
