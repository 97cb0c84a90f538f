import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import {
  providerKindOrThrow,
  removeChannelProvider,
  saveChannelProvider,
} from "@/lib/messages/send/configure-channel-provider";

type P = { workspace: string; kind: string };

/** Admins only: provider credentials decide where every message of the workspace goes. */
export const PUT = withWorkspace<P>("manage", async (req, { workspace, params, user }) => {
  const kind = providerKindOrThrow(params.kind);
  const body = await parseJson(req, z.record(z.string(), z.unknown()));
  return NextResponse.json({
    config: await saveChannelProvider(workspace.id, user.id, kind, body),
  });
});

export const DELETE = withWorkspace<P>("manage", async (_req, { workspace, params, user }) => {
  await removeChannelProvider(workspace.id, providerKindOrThrow(params.kind), user.id);
  return NextResponse.json({ ok: true });
});
