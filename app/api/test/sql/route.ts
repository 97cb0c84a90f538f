import { executeRows } from "@/db/execute-rows";
import { NextResponse, type NextRequest } from "next/server";
import { sql } from "drizzle-orm";
import { z } from "zod";
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
    const chunks = query.split(/\$\d+/);
    const order = [...query.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]) - 1);
    const statement = sql.join(
      chunks.flatMap((c, i) =>
        i < order.length ? [sql.raw(c), sql`${params[order[i]!]}`] : [sql.raw(c)],
      ),
      sql.raw(""),
    );
    const rows = await executeRows(statement);
    return NextResponse.json({ rows });
  } catch (err) {
    return errorResponse(err);
  }
}
