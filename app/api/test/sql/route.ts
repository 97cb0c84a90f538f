import { timingSafeEqual } from "node:crypto";
import { executeRows } from "@/db/execute-rows";
import { NextResponse, type NextRequest } from "next/server";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { authSecret } from "@/lib/crypto/app-secret";
import { errorJson, errorResponse, parseJson } from "@/app/_server/http";
import { env } from "@/lib/env";

const ZBody = z.object({ query: z.string().min(1), params: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).default([]) });

function secretMatches(given: string | null): boolean {
  const expected = Buffer.from(authSecret());
  const actual = Buffer.from(given ?? "");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * E2E tests read and arrange the database through this, because the embedded PGlite lives inside
 * the server process and cannot be opened by a second one. Off unless WAYMARK_TEST_HOOKS=1, and
 * then only for callers holding AUTH_SECRET.
 */
export async function POST(req: NextRequest) {
  if (!env.WAYMARK_TEST_HOOKS || !secretMatches(req.headers.get("x-test-secret"))) return errorJson(404, "not_found", "Not found");
  try {
    const { query, params } = await parseJson(req, ZBody);
    const chunks = query.split(/\$\d+/);
    const order = [...query.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]) - 1);
    const statement = sql.join(
      chunks.flatMap((c, i) => (i < order.length ? [sql.raw(c), sql`${params[order[i]!]}`] : [sql.raw(c)])),
      sql.raw(""),
    );
    const rows = await executeRows(statement);
    return NextResponse.json({ rows });
  } catch (err) {
    return errorResponse(err);
  }
}
