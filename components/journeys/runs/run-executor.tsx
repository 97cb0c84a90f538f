import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TRunExecutor } from "@/db/queries/journey-runs";
import { formatDateTime } from "@/lib/format/dates";
import type { TStepName } from "@/lib/journeys/runs/name-steps";

const MAX_JSON = 1_200;
/** A step's result as JSON, cut to MAX_JSON characters; `more` words how many were left out. */
const pretty = (v: unknown, more: (count: number) => string) => {
  const s = JSON.stringify(v, null, 2) ?? "null";
  return s.length > MAX_JSON ? `${s.slice(0, MAX_JSON)}\n${more(s.length - MAX_JSON)}` : s;
};
const TONE: Record<string, "neutral" | "brand" | "green" | "amber" | "red"> = {
  queued: "brand",
  waiting: "amber",
  completed: "green",
  failed: "red",
  cancelled: "neutral",
};

/** What the local executor holds for the run: its state, memoised step results and open waits. */
export function RunExecutor({
  run,
  names,
  timeZone,
}: {
  run: TRunExecutor;
  names: Map<string, TStepName>;
  timeZone: string;
}) {
  const t = useTranslations("journeys.runs");
  const name = (stepId: string) =>
    names.get(stepId)?.name ?? t("unnamedStep", { id: stepId.slice(0, 10) });
  const locale = useLocale();
  const state = (s: string) =>
    t.has(`executorState.${s}` as "executorState.queued")
      ? t(`executorState.${s}` as "executorState.queued")
      : s;
  return (
    <div className="space-y-4 px-5 py-4" data-testid="run-executor">
      <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
        <div>
          <dt className="text-xs text-slate-500">{t("executorRun")}</dt>
          <dd>
            <Badge tone={TONE[run.status] ?? "neutral"} data-testid="executor-status">
              {state(run.status)}
            </Badge>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("attempts")}</dt>
          <dd>{run.attempt}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{run.finishedAt ? t("finished") : t("due")}</dt>
          <dd>{formatDateTime(run.finishedAt ?? run.readyAt, timeZone, locale)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("runId")}</dt>
          <dd className="font-mono text-xs">{run.id}</dd>
        </div>
      </dl>
      {run.error ? (
        <p
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200"
          data-testid="executor-error"
        >
          {run.error}
        </p>
      ) : null}
      {run.waits.length ? (
        <ul className="space-y-1 text-sm" data-testid="executor-waits">
          {run.waits.map((w) => (
            <li key={w.stepId}>
              <span className="font-medium">{name(w.stepId)}</span>:{" "}
              {t.rich(
                w.kind === "sleep" ? "sleepingUntil" : w.expression ? "waitingForIf" : "waitingFor",
                {
                  at: formatDateTime(w.expiresAt, timeZone, locale),
                  event: w.eventName ?? t("anEvent"),
                  expression: w.expression ?? "",
                  time: (chunks) => <time dateTime={w.expiresAt.toISOString()}>{chunks}</time>,
                },
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <ol className="space-y-2" data-testid="executor-steps">
        {run.steps.map((s) => (
          <li
            key={s.stepId}
            className="rounded-md border border-slate-200"
            data-testid="executor-step"
          >
            <div className="border-b border-slate-100 px-3 py-1.5 text-sm font-medium text-slate-800">
              {name(s.stepId)}
            </div>
            {"error" in s.result ? (
              <pre className="overflow-x-auto whitespace-pre-wrap px-3 py-2 text-xs text-red-700">
                {s.result.error.name}: {s.result.error.message}
              </pre>
            ) : (
              <pre className="max-h-64 overflow-auto px-3 py-2 text-xs text-slate-700">
                {pretty(s.result.data, (count) => t("moreCharacters", { count }))}
              </pre>
            )}
          </li>
        ))}
        {!run.steps.length ? (
          <li className="text-sm text-slate-500">{t("noStepsFinished")}</li>
        ) : null}
      </ol>
    </div>
  );
}
