// Liveness: the process answers HTTP. No database call, so a database outage does not make an
// orchestrator restart every replica (readiness takes them out of rotation instead).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(
    { ok: true, uptimeSeconds: Math.round(process.uptime()) },
    { headers: { "cache-control": "no-store" } },
  );
}
