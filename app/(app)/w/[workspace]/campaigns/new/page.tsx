import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { CampaignEditor } from "@/components/campaigns/campaign-editor";
import { listSegments } from "@/db/queries/segments";
import { listTemplates } from "@/db/queries/templates";
import { listTopics } from "@/db/queries/topics";

export async function generateMetadata() {
  return { title: (await getTranslations("pages.campaigns.new"))("title") };
}

export default async function NewCampaignPage({
  params,
}: PageProps<"/w/[workspace]/campaigns/new">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  if (!can("edit")) notFound();
  const [segments, templates, topics] = await Promise.all([
    listSegments(workspace.id),
    listTemplates(workspace.id),
    listTopics(workspace.id),
  ]);
  const t = await getTranslations("pages.campaigns.new");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <CampaignEditor
        slug={workspace.slug}
        options={{
          segments: segments.map((s) => ({ id: s.id, name: s.name })),
          topics: topics.map((x) => ({ id: x.id, name: x.name })),
          templates: templates
            .filter((t) => t.publishedVersion > 0)
            .map((t) => ({
              id: t.id,
              name: t.name,
              channel: t.channel,
              publishedVersion: t.publishedVersion,
            })),
        }}
      />
    </>
  );
}
