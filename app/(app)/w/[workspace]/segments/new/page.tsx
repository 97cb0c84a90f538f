import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { loadBuilderOptions } from "@/lib/segments/builder-options";
import { newGroup } from "@/components/segments/condition-defaults";
import { SegmentBuilder } from "@/components/segments/segment-builder";

export async function generateMetadata() {
  return { title: (await getTranslations("segments.list"))("new") };
}

export default async function NewSegmentPage({ params }: PageProps<"/w/[workspace]/segments/new">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  if (!can("edit")) notFound();
  const options = await loadBuilderOptions(workspace.id);
  const t = await getTranslations("pages.segments");
  const tl = await getTranslations("segments.list");
  return (
    <>
      <PageHeader
        title={tl("new")}
        description={t("newDescription")}
        actions={
          <Link
            href={`/w/${workspace.slug}/segments`}
            className="text-sm text-brand-700 hover:underline"
          >
            {t("all")}
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
