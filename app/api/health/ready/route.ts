import { cachedReadiness } from "@/lib/health/check-readiness";

// Readiness: 200 when this replica should get traffic, 503 (with the failing checks) when not.
// Public on purpose (load balancers carry no credentials); the body holds counts and states only.
export const dynamic = "force-dynamic";

export async function GET() {
  const r = await cachedReadiness();
  return Response.json(r, { status: r.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
