import { NextResponse } from "next/server";
import { z } from "zod";
import { withWorkspace } from "@/app/_server/with-workspace";
import { audienceSize } from "@/lib/campaigns/audience-size";
import { SEND_CHANNELS } from "@/lib/channels/types";
import { ValidationError } from "@/lib/errors";

type P = { workspace: string };

const ZQuery = z.object({
  segmentId: z.uuid("Choose a segment").nullable(),
  channel: z.enum(SEND_CHANNELS),
  holdoutPercent: z.coerce.number().int().min(0).max(50).default(0),
});

/** `?segmentId=…&channel=email&holdoutPercent=10` (no segmentId: everyone): the editor's live count. */
export const GET = withWorkspace<P>("read", async (req, { workspace }) => {
  const q = req.nextUrl.searchParams;
  const parsed = ZQuery.safeParse({
    segmentId: q.get("segmentId") || null,
    channel: q.get("channel") ?? "email",
    holdoutPercent: q.get("holdoutPercent") ?? undefined,
  });
  if (!parsed.success)
    throw new ValidationError(
      Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])),
    );
  return NextResponse.json(await audienceSize(workspace.id, parsed.data));
});
