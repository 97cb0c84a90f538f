import { NextResponse } from "next/server";
import { buildOpenApi } from "@/lib/api-docs/openapi";

/** Public: the API's description is no secret, and tools fetch it without a key. */
export function GET() {
  return NextResponse.json(buildOpenApi(), {
    headers: { "access-control-allow-origin": "*", "cache-control": "public, max-age=300" },
  });
}
