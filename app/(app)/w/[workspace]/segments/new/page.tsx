import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { loadBuilderOptions } from "@/lib/segments/builder-options";
import { newGroup } from "@/components/segments/condition-defaults";
import { SegmentBuilder } from "@/components/segments/segment-builder";

export const metadata = { title: "New segment" };

export default async function NewSegmentPage({ params }: PageProps<"/w/[workspace]/segments/new">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  if (!can("edit")) notFound();
  const options = await loadBuilderOptions(workspace.id);
  return (
    <>
      <PageHeader
        title="New segment"
        description="Combine conditions with AND / OR groups. The count on the right updates as you edit."
        actions={
          <Link
            href={`/w/${workspace.slug}/segments`}
            className="text-sm text-brand-700 hover:underline"
          >
            All segments
          </Link>
        }
      />
      <SegmentBuilder
        slug={workspace.slug}
        initialDefinition={newGroup("all", options.eventNames[0] ?? "")}
        readOnly={false}
        {...options}
      />
    </>
  );
}
