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

export const metadata = { title: "Segments" };

export default async function SegmentsPage({ params }: PageProps<"/w/[workspace]/segments">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const list = await listSegments(workspace.id);
  const sizes = await segmentSizes(workspace.id, list);
  const editable = can("edit");
  return (
    <>
      <PageHeader
        title="Segments"
        description="Groups of contacts by attributes, behaviour, location, device, channel and other segments. Dynamic segments update as data arrives; static ones are snapshots."
        actions={
          editable ? (
            <div className="flex gap-2">
              <ImportSegment slug={workspace.slug} />
              <Button asChild data-mutates>
                <Link href={`/w/${workspace.slug}/segments/new`}>
                  <Plus /> New segment
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
