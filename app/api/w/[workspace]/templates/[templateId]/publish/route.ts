import { NextResponse } from "next/server";
import { withWorkspace } from "@/app/_server/with-workspace";
import { publishTemplate } from "@/lib/templates/manage-templates";
import { templateIdOrThrow } from "@/lib/templates/template-id";

type P = { workspace: string; templateId: string };

export const POST = withWorkspace<P>("edit", async (_req, { workspace, params, user }) =>
  NextResponse.json(
    await publishTemplate(workspace.id, templateIdOrThrow(params.templateId), user.id),
  ),
);
