import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { listTemplates } from "@/db/queries/templates";
import { createTemplate, ZCreateTemplate } from "@/lib/templates/manage-templates";

type P = { workspace: string };

export const GET = withWorkspace<P>("read", async (_req, { workspace }) =>
  NextResponse.json({ templates: await listTemplates(workspace.id) }),
);

export const POST = withWorkspace<P>("edit", async (req, { workspace, user }) => {
  const input = await parseJson(req, ZCreateTemplate);
  return NextResponse.json(
    { template: await createTemplate(workspace.id, user.id, input) },
    { status: 201 },
  );
});
