import { NextResponse } from "next/server";
import { z } from "zod";
import { errorJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { revokeApiKey } from "@/db/queries/api-keys";

type P = { workspace: string; keyId: string };

export const DELETE = withWorkspace<P>("manage", async (_req, { workspace, params }) => {
  const ok =
    z.uuid().safeParse(params.keyId).success &&
    (await revokeApiKey(workspace.id, params.keyId, new Date()));
  if (!ok) return errorJson(404, "not_found", "No active API key with this id in this workspace");
  return NextResponse.json({ ok: true });
});
