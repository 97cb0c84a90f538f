import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { runTestHookSql } from "@/db/queries/test-hook-sql";
import { testHooksAllowed } from "@/app/_server/test-hooks";
import { errorJson, errorResponse, parseJson } from "@/app/_server/http";

const ZBody = z.object({
  query: z.string().min(1),
  params: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).default([]),
});

/**
 * E2E tests read and arrange the database through this, because the embedded PGlite lives inside
 * the server process and cannot be opened by a second one. Off unless WAYMARK_TEST_HOOKS=1, and
 * then only for callers holding AUTH_SECRET.
 */
export async function POST(req: NextRequest) {
  if (!testHooksAllowed(req)) return errorJson(404, "not_found", "Not found");
  try {
    const { query, params } = await parseJson(req, ZBody);
    const rows = await runTestHookSql(query, params);
    return NextResponse.json({ rows });
  } catch (err) {
    return errorResponse(err);
  }
}
