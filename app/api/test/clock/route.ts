import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { errorJson, errorResponse, parseJson } from "@/app/_server/http";
import { testHooksAllowed } from "@/app/_server/test-hooks";
import { advanceClockOffset } from "@/db/queries/executor-clock";
import { env } from "@/lib/env";
import { localExecutor } from "@/lib/local-executor/start-local-executor";

const ZBody = z.object({
  advanceMs: z
    .number()
    .int()
    .min(0)
    .max(10 * 365 * 86_400_000),
});

/**
 * E2E moves the local executor's clock forward (sleeps, wait timeouts and retry backoff come due
 * at once) instead of waiting real minutes. Test hooks only; answers the executor's new time.
 */
export async function POST(req: NextRequest) {
  if (!testHooksAllowed(req) || env.executor !== "local")
    return errorJson(404, "not_found", "Not found");
  try {
    const { advanceMs } = await parseJson(req, ZBody);
    const offsetMs = await advanceClockOffset(advanceMs);
    const executor = localExecutor();
    executor.poke();
    return NextResponse.json({ offsetMs, now: new Date(await executor.clock.now()).toISOString() });
  } catch (err) {
    return errorResponse(err);
  }
}
