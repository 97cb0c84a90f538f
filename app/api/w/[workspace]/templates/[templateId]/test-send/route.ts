import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { templateIdOrThrow } from "@/lib/templates/template-id";
import { testSendTemplate, ZTestSend } from "@/lib/templates/test-send-template";

type P = { workspace: string; templateId: string };

export const POST = withWorkspace<P>("edit", async (req, { workspace, params, user }) => {
  const input = await parseJson(req, ZTestSend, { maxBytes: 512 * 1024 });
  return NextResponse.json(
    await testSendTemplate(workspace.id, templateIdOrThrow(params.templateId), user, input),
  );
});
