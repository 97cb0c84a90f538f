import { getTranslations } from "next-intl/server";
import { Plus } from "lucide-react";
import Link from "next/link";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { ImportSegment } from "@/components/segments/import-segment";
import { SegmentsTable } from "@/components/segments/segments-table";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listSegments } from "@/db/queries/segments";
import { segmentSizes } from "@/lib/segments/segment-sizes";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("segments") };
}

export default async function SegmentsPage({ params }: PageProps<"/w/[workspace]/segments">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const list = await listSegments(workspace.id);
  const sizes = await segmentSizes(workspace.id, list);
  const editable = can("edit");
  const t = await getTranslations("segments.list");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          editable ? (
            <div className="flex gap-2">
              <ImportSegment slug={workspace.slug} />
              <Button asChild data-mutates>
                <Link href={`/w/${workspace.slug}/segments/new`}>
                  <Plus /> {t("new")}
                </Link>
              </Button>
            </div>
          ) : null
        }
      />
      <Card>
        <SegmentsTable
          slug={workspace.slug}
          editable={editable}
          rows={list.map((s) => ({ ...s, size: sizes.get(s.id) ?? null }))}
        />
      </Card>
    </>
  );
}
