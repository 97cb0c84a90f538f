import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { loadBuilderOptions } from "@/lib/segments/builder-options";
import { PreviewPanel } from "@/components/segments/preview-panel";
import { SegmentBuilder } from "@/components/segments/segment-builder";
import { UsedBy } from "@/components/segments/used-by";
import { Badge } from "@/components/ui/badge";
import { findSegment, sampleStaticMembers, staticMemberCounts } from "@/db/queries/segments";
import { PREVIEW_SAMPLE_SIZE } from "@/lib/segments/preview-segment";
import { findSegmentUsages } from "@/lib/segments/segment-usages";
import { DownloadDefinitionButton } from "@/components/definitions/download-definition-button";

export default async function SegmentPage({
  params,
}: PageProps<"/w/[workspace]/segments/[segmentId]">) {
  const { workspace: slug, segmentId } = await params;
  const { workspace, can } = await requireWorkspace(slug);
  if (!z.uuid().safeParse(segmentId).success) notFound();
  const segment = await findSegment(workspace.id, segmentId);
  if (!segment) notFound();
  const usages = await findSegmentUsages(workspace.id, workspace.slug, segment.id);
  const t = await getTranslations("pages.segments");
  const tl = await getTranslations("segments.list");
  const header = (
    <PageHeader
      title={segment.name}
      description={
        segment.description ||
        (segment.type === "static" ? t("staticDescription") : t("dynamicDescription"))
      }
      actions={
        <div className="flex items-center gap-3">
          {segment.type === "dynamic" ? (
            <Badge tone="brand">{tl("dynamic")}</Badge>
          ) : (
            <Badge>{tl("static")}</Badge>
          )}
          <DownloadDefinitionButton slug={workspace.slug} kind="segment" id={segment.id} />
          <Link
            href={`/w/${workspace.slug}/segments`}
            className="text-sm text-brand-700 hover:underline"
          >
            {t("all")}
          </Link>
        </div>
      }
    />
  );
  if (segment.type === "static") {
    const [count, sample] = await Promise.all([
      staticMemberCounts(workspace.id).then((m) => m.get(segment.id) ?? 0),
      sampleStaticMembers(workspace.id, segment.id, PREVIEW_SAMPLE_SIZE),
    ]);
    return (
      <>
        {header}
        <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <PreviewPanel count={count} sample={sample} attributeKeys={[]} state="ready" />
          <UsedBy usages={usages} />
        </div>
      </>
    );
  }
  const options = await loadBuilderOptions(workspace.id, segment.id);
  return (
    <>
      {header}
      <SegmentBuilder
        slug={workspace.slug}
        segment={{
          id: segment.id,
          name: segment.name,
          description: segment.description,
          definition: segment.definition!,
        }}
        initialDefinition={segment.definition!}
        readOnly={!can("edit")}
        {...options}
      />
      <div className="mt-6 max-w-3xl">
        <UsedBy usages={usages} />
      </div>
    </>
  );
}
