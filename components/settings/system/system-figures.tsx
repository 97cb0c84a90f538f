import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { TReadiness } from "@/lib/health/check-readiness";
import type { TSystemSnapshot } from "@/lib/metrics/system-snapshot";

const CHECK_LABELS: Record<keyof TReadiness["checks"], string> = {
  shutdown: "Accepting work",
  database: "Database reachable",
  migrations: "Migrations current",
  executor: "Executor keeping up",
  providers: "Providers healthy",
};

function age(seconds: number | null): string {
  if (seconds === null) return "never";
  if (seconds < 90) return `${Math.round(seconds)} s ago`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min ago`;
  return `${(seconds / 3600).toFixed(1)} h ago`;
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-md border border-slate-200 px-4 py-3">
      <div className="text-xs font-medium text-slate-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{value}</div>
      {hint ? <div className="mt-0.5 text-xs text-slate-500">{hint}</div> : null}
    </div>
  );
}

/** The instance at a glance: readiness, queue and lag, failing providers, rollup age. */
export function SystemFigures({
  snapshot,
  readiness,
}: {
  snapshot: TSystemSnapshot;
  readiness: TReadiness;
}) {
  const { queue } = snapshot;
  const rollupAge = Math.max(...snapshot.rollups.map((r) => r.ageSeconds ?? Infinity), -Infinity);
  return (
    <Card>
      <CardHeader
        title="System status"
        description={`This process, as seen at ${new Date(snapshot.takenAt).toLocaleTimeString("en-GB")} (refreshed every few seconds). The same figures are at /api/metrics for Prometheus.`}
        actions={
          <Badge tone={readiness.ok ? "green" : "red"} data-testid="readiness">
            {readiness.ok ? "Ready" : "Not ready"}
          </Badge>
        }
      />
      <CardBody className="space-y-5">
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Figure
            label="Executor queue"
            value={queue ? queue.due.toLocaleString("en-US") : "Inngest"}
            hint={queue ? `${queue.leased} running now` : "see Inngest's dashboard"}
          />
          <Figure
            label="Executor lag"
            value={queue ? `${queue.lagSeconds.toFixed(1)} s` : "—"}
            hint="oldest due run's wait"
          />
          <Figure
            label="Failing providers"
            value={String(snapshot.failingProviders.length)}
            hint={
              snapshot.failingProviders.map((p) => `${p.channel}/${p.provider}`).join(", ") ||
              "every provider answering"
            }
          />
          <Figure
            label="Rollups refreshed"
            value={snapshot.rollups.length && Number.isFinite(rollupAge) ? age(rollupAge) : "never"}
            hint="oldest dashboard source"
          />
        </div>
        <ul className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2 lg:grid-cols-5">
          {(Object.keys(CHECK_LABELS) as (keyof TReadiness["checks"])[]).map((k) => (
            <li key={k} className="flex items-center gap-2" data-testid={`check-${k}`}>
              <span
                aria-hidden
                className={readiness.checks[k].ok ? "text-emerald-600" : "text-red-600"}
              >
                {readiness.checks[k].ok ? "●" : "▲"}
              </span>
              {CHECK_LABELS[k]}
              <span className="sr-only">{readiness.checks[k].ok ? "(ok)" : "(failing)"}</span>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
