import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { emitExecutorEvents } from "@/inngest/emit-events";
import { STREAM_DELIVERY_REQUESTED, ZStreamDeliveryRequested } from "@/inngest/events";
import { removeDestination, updateDestination } from "@/lib/stream/manage-destinations";

type P = { workspace: string; destinationId: string };

/** `{ name?, status?: "active"|"paused", format?, settings? }`: pause, resume, re-point, rename. */
export const PATCH = withWorkspace<P>("manage", async (req, { workspace, params, user }) => {
  const body = await parseJson(req, z.record(z.string(), z.unknown()));
  const destination = await updateDestination(workspace.id, user.id, params.destinationId, body);
  if (destination.status === "active")
    await emitExecutorEvents([
      {
        name: STREAM_DELIVERY_REQUESTED,
        data: ZStreamDeliveryRequested.parse({ destinationId: destination.id }),
      },
    ]);
  return NextResponse.json({ destination });
});

export const DELETE = withWorkspace<P>("manage", async (_req, { workspace, params, user }) => {
  await removeDestination(workspace.id, user.id, params.destinationId);
  return NextResponse.json({ ok: true });
});
