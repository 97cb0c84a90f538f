import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { findTemplate, listTemplateVersions } from "@/db/queries/templates";
import { NotFoundError } from "@/lib/errors";
import { findTemplateUsages } from "@/lib/templates/template-usages";
import { removeTemplate, saveTemplateDraft, ZSaveTemplate } from "@/lib/templates/manage-templates";
import { templateIdOrThrow } from "@/lib/templates/template-id";

type P = { workspace: string; templateId: string };

export const GET = withWorkspace<P>("read", async (_req, { workspace, params }) => {
  const template = await findTemplate(workspace.id, templateIdOrThrow(params.templateId));
  if (!template) throw new NotFoundError("No such template in this workspace");
  return NextResponse.json({
    template,
    versions: await listTemplateVersions(workspace.id, template.id),
  });
});

/** Autosave of the draft (name and/or content). */
export const PATCH = withWorkspace<P>("edit", async (req, { workspace, params }) => {
  const id = templateIdOrThrow(params.templateId);
  const input = await parseJson(req, ZSaveTemplate, { maxBytes: 512 * 1024 });
  return NextResponse.json({ template: await saveTemplateDraft(workspace.id, id, input) });
});

export const DELETE = withWorkspace<P>("edit", async (_req, { workspace, params }) => {
  const id = templateIdOrThrow(params.templateId);
  await removeTemplate(workspace.id, id, () => findTemplateUsages(workspace.id, id));
  return NextResponse.json({ ok: true });
});
