import { Badge } from "@/components/ui/badge";
import type { TRunExecutor } from "@/db/queries/journey-runs";
import { formatDateTime } from "@/lib/format/dates";
import type { TStepName } from "@/lib/journeys/runs/name-steps";

const MAX_JSON = 1_200;
const pretty = (v: unknown) => {
  const s = JSON.stringify(v, null, 2) ?? "null";
  return s.length > MAX_JSON
    ? `${s.slice(0, MAX_JSON)}\n… (${s.length - MAX_JSON} more characters)`
    : s;
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
  const name = (stepId: string) => names.get(stepId)?.name ?? `step ${stepId.slice(0, 10)}…`;
  return (
    <div className="space-y-4 px-5 py-4" data-testid="run-executor">
      <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
        <div>
          <dt className="text-xs text-slate-500">Executor run</dt>
          <dd>
            <Badge tone={TONE[run.status] ?? "neutral"} data-testid="executor-status">
              {run.status}
            </Badge>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Attempts (current call)</dt>
          <dd>{run.attempt}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{run.finishedAt ? "Finished" : "Due"}</dt>
          <dd>{formatDateTime(run.finishedAt ?? run.readyAt, timeZone)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Run id</dt>
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
              {w.kind === "sleep"
                ? "sleeping until "
                : `waiting for ${w.eventName ?? "an event"}${w.expression ? ` (if ${w.expression})` : ""} until `}
              <time dateTime={w.expiresAt.toISOString()}>
                {formatDateTime(w.expiresAt, timeZone)}
              </time>
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
                {pretty(s.result.data)}
              </pre>
            )}
          </li>
        ))}
        {!run.steps.length ? (
          <li className="text-sm text-slate-500">No steps finished yet.</li>
        ) : null}
      </ol>
    </div>
  );
}
