import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { takeThrottled } from "@/lib/rate-limit/throttle";
import { previewSegment } from "@/lib/segments/preview-segment";
import { ZPreviewSegment } from "@/lib/segments/schemas";

/**
 * The live count and first contacts of an unsaved definition. A POST because a definition does
 * not fit a URL, but it changes nothing, so analysts may call it ("read").
 */
export const POST = withWorkspace("read", async (req, { workspace, user }) => {
  await takeThrottled({ name: "preview:account", id: user.id });
  const { definition } = await parseJson(req, ZPreviewSegment);
  return NextResponse.json(await previewSegment(workspace.id, definition));
});
