import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { TemplateEditor } from "@/components/templates/template-editor";
import type { TDraftContent } from "@/components/templates/use-template-draft";
import { listAttributeKeys } from "@/db/queries/segment-options";
import { findTemplate, listTemplateVersions } from "@/db/queries/templates";
import { listTopics } from "@/db/queries/topics";

export async function generateMetadata({
  params,
}: PageProps<"/w/[workspace]/templates/[templateId]">) {
  const { workspace: slug, templateId } = await params;
  const { workspace } = await requireWorkspace(slug);
  const template = z.uuid().safeParse(templateId).success
    ? await findTemplate(workspace.id, templateId)
    : null;
  const t = await getTranslations("templates.editor");
  return { title: template ? template.name : t("metaTitle") };
}

export default async function TemplatePage({
  params,
}: PageProps<"/w/[workspace]/templates/[templateId]">) {
  const { workspace: slug, templateId } = await params;
  const { workspace, user, can } = await requireWorkspace(slug);
  if (!z.uuid().safeParse(templateId).success) notFound();
  const template = await findTemplate(workspace.id, templateId);
  if (!template) notFound();
  const [versions, attributes, topics] = await Promise.all([
    listTemplateVersions(workspace.id, template.id),
    listAttributeKeys(workspace.id),
    listTopics(workspace.id),
  ]);
  return (
    <TemplateEditor
      key={template.id}
      slug={workspace.slug}
      workspaceName={workspace.name}
      template={{
        id: template.id,
        name: template.name,
        channel: template.channel,
        publishedVersion: template.publishedVersion,
        draft: template.draft as TDraftContent,
        topicId: template.topicId,
      }}
      topics={topics.map((x) => ({ id: x.id, name: x.name }))}
      versions={versions}
      attributes={attributes}
      userEmail={user.email}
      readOnly={!can("edit")}
      timeZone={workspace.timezone}
    />
  );
}
