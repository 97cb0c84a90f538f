import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { CampaignEditor } from "@/components/campaigns/campaign-editor";
import { listSegments } from "@/db/queries/segments";
import { listTemplates } from "@/db/queries/templates";

export const metadata = { title: "New campaign" };

export default async function NewCampaignPage({
  params,
}: PageProps<"/w/[workspace]/campaigns/new">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  if (!can("edit")) notFound();
  const [segments, templates] = await Promise.all([
    listSegments(workspace.id),
    listTemplates(workspace.id),
  ]);
  return (
    <>
      <PageHeader
        title="New campaign"
        description="Send one published template to a segment: now, at a set time, at a local time in each contact's zone, or on a recurring schedule."
      />
      <CampaignEditor
        slug={workspace.slug}
        options={{
          segments: segments.map((s) => ({ id: s.id, name: s.name })),
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
