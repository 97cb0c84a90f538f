import type { NextRequest } from "next/server";
import { errorJson } from "@/app/_server/http";
import { env } from "@/lib/env";
import { handleEventRequest } from "@/lib/local-executor/handle-event-request";
import { localInngestKeys } from "@/lib/local-executor/local-keys";
import { localExecutor } from "@/lib/local-executor/start-local-executor";
import { authSecret } from "@/lib/crypto/app-secret";

/**
 * The local executor's event API: in local mode `inngest.send()` posts here (the client's
 * baseUrl is /api/local-inngest/). Absent in every other mode.
 */
export async function POST(req: NextRequest, ctx: { params: Promise<{ key: string }> }) {
  if (env.executor !== "local") return errorJson(404, "not_found", "Not found");
  const { key } = await ctx.params;
  return handleEventRequest(req, key, {
    eventKey: localInngestKeys(authSecret()).eventKey,
    send: (events) => localExecutor().send(events),
  });
}
