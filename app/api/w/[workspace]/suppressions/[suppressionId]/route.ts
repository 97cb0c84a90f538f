import { NextResponse } from "next/server";
import { z } from "zod";
import { withWorkspace } from "@/app/_server/with-workspace";
import { removeSuppression } from "@/lib/deliverability/manage-suppressions";
import { NotFoundError } from "@/lib/errors";

type P = { workspace: string; suppressionId: string };

/** Admins lift a suppression: the next message to the address is sent again. */
export const DELETE = withWorkspace<P>("manage", async (_req, { workspace, user, params }) => {
  if (!z.uuid().safeParse(params.suppressionId).success)
    throw new NotFoundError("No such suppression");
  await removeSuppression(workspace.id, user.id, params.suppressionId);
  return NextResponse.json({ ok: true });
});
