import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { takeThrottled } from "@/lib/rate-limit/throttle";
import { previewTemplate, ZPreviewRequest } from "@/lib/templates/preview-template";

type P = { workspace: string };

/** Renders an unsaved draft; changes nothing, so analysts may look too. */
export const POST = withWorkspace<P>("read", async (req, { workspace, user }) => {
  await takeThrottled({ name: "preview:account", id: user.id });
  const input = await parseJson(req, ZPreviewRequest, { maxBytes: 512 * 1024 });
  return NextResponse.json(await previewTemplate(workspace.id, input));
});
