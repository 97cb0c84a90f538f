import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { TReadiness } from "@/lib/health/check-readiness";
import type { TSystemSnapshot } from "@/lib/metrics/system-snapshot";

/** The readiness checks in display order; labels are settings.system.checks.<key>. */
const CHECKS: (keyof TReadiness["checks"])[] = [
  "shutdown",
  "database",
  "migrations",
  "executor",
  "providers",
];

/** How long ago, in the unit a reader takes in at a glance: seconds, minutes or hours. */
function ageOf(seconds: number): { unit: "s" | "min" | "h"; n: string } {
  if (seconds < 90) return { unit: "s", n: String(Math.round(seconds)) };
  if (seconds < 5400) return { unit: "min", n: String(Math.round(seconds / 60)) };
  return { unit: "h", n: (seconds / 3600).toFixed(1) };
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

const INNGEST = "Inngest";

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
  const t = useTranslations("settings.system");
  const tc = useTranslations("common");
  return (
    <Card>
      <CardHeader
        title={t("title")}
        description={t("figuresDescription", {
          at: new Date(snapshot.takenAt).toLocaleTimeString("en-GB"),
        })}
        actions={
          <Badge
            tone={readiness.ok ? "green" : "red"}
            data-testid="readiness"
            className="shrink-0 whitespace-nowrap"
          >
            {readiness.ok ? t("ready") : t("notReady")}
          </Badge>
        }
      />
      <CardBody className="space-y-5">
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Figure
            label={t("queue")}
            value={queue ? queue.due.toLocaleString("en-US") : INNGEST}
            hint={queue ? t("runningNow", { n: queue.leased }) : t("seeInngest")}
          />
          <Figure
            label={t("lag")}
            value={queue ? `${queue.lagSeconds.toFixed(1)} s` : "—"}
            hint={t("lagHint")}
          />
          <Figure
            label={t("failingProviders")}
            value={String(snapshot.failingProviders.length)}
            hint={
              snapshot.failingProviders.map((p) => `${p.channel}/${p.provider}`).join(", ") ||
              t("allAnswering")
            }
          />
          <Figure
            label={t("rollups")}
            value={
              snapshot.rollups.length && Number.isFinite(rollupAge)
                ? t("ago", ageOf(rollupAge))
                : tc("never")
            }
            hint={t("rollupsHint")}
          />
        </div>
        <ul className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2 lg:grid-cols-5">
          {CHECKS.map((k) => (
            <li key={k} className="flex items-center gap-2" data-testid={`check-${k}`}>
              <span
                aria-hidden
                className={readiness.checks[k].ok ? "text-emerald-600" : "text-red-600"}
              >
                {readiness.checks[k].ok ? "●" : "▲"}
              </span>
              {t(`checks.${k}`)}
              <span className="sr-only">
                {readiness.checks[k].ok ? t("checkOk") : t("checkFailing")}
              </span>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
