import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { emitExecutorEvents } from "@/inngest/emit-events";
import { STREAM_DELIVERY_REQUESTED, ZStreamDeliveryRequested } from "@/inngest/events";
import { createDestination, listDestinations } from "@/lib/stream/manage-destinations";

type P = { workspace: string };

/** Admins only: a destination receives every lifecycle event of the workspace. */
export const GET = withWorkspace<P>("manage", async (_req, { workspace }) =>
  NextResponse.json({ destinations: await listDestinations(workspace.id) }),
);

/** `{ name, kind: "webhook"|"ndjson", format?, settings }`; a webhook's secret is in the answer, once. */
export const POST = withWorkspace<P>("manage", async (req, { workspace, user }) => {
  const body = await parseJson(req, z.record(z.string(), z.unknown()));
  const created = await createDestination(workspace.id, user.id, body);
  await emitExecutorEvents([
    {
      name: STREAM_DELIVERY_REQUESTED,
      data: ZStreamDeliveryRequested.parse({ destinationId: created.destination.id }),
    },
  ]);
  return NextResponse.json(created, { status: 201 });
});
