import type { TSimulation } from "../editor/journey-api";

const when = (iso: string, start: string) => {
  const ms = Date.parse(iso) - Date.parse(start);
  if (ms < 60_000) return "at once";
  const h = ms / 3_600_000;
  return h < 48 ? `+${Math.round(h * 10) / 10} h` : `+${Math.round((h / 24) * 10) / 10} days`;
};
const EXIT: Record<string, string> = {
  completed: "reached the end",
  exit_node: "left at an exit",
  holdout: "held out (control group)",
  goal: "reached the goal",
  contact_missing: "contact not found",
};

/** The test run step by step, with the (fast-forwarded) time each step happened. */
export function SimulationPath({
  sim,
  labelOf,
  templateName,
}: {
  sim: TSimulation;
  labelOf: (nodeId: string) => string;
  templateName: (id: string) => string;
}) {
  const start = sim.path[0]?.at ?? sim.endedAt;
  const exit = (sim.exit ?? {}) as { reason?: string };
  return (
    <div className="space-y-3" data-testid="simulation">
      <ol className="space-y-2">
        {sim.path.map((p, i) => {
          const msgs = sim.messages.filter((m) => m.nodeId === p.nodeId);
          return (
            <li
              key={i}
              className="rounded-lg border border-emerald-200 bg-emerald-50/50 px-3 py-2 text-sm"
              data-testid="simulation-step"
            >
              <div className="flex items-baseline gap-2">
                <span className="flex size-5 shrink-0 items-center justify-center rounded-full bg-emerald-600 text-[10px] font-bold text-white">
                  {i + 1}
                </span>
                <span className="min-w-0 flex-1 truncate font-medium text-slate-900">
                  {labelOf(p.nodeId)}
                </span>
                <time
                  className="shrink-0 text-xs text-slate-500"
                  dateTime={p.at}
                  title={new Date(p.at).toLocaleString()}
                >
                  {when(p.at, start)}
                </time>
              </div>
              <p className="ml-7 text-xs text-slate-600">→ {p.outcome?.replace(/_/g, " ")}</p>
              {msgs.map((m, j) => (
                <p
                  key={j}
                  className="ml-7 text-xs text-emerald-800"
                  data-testid="simulation-message"
                >
                  ✉ would send {m.channel} “{templateName(m.templateId)}”
                </p>
              ))}
            </li>
          );
        })}
      </ol>
      <p className="text-sm text-slate-700" data-testid="simulation-exit">
        Ends: <b>{EXIT[exit.reason ?? ""] ?? exit.reason ?? "—"}</b>
        {sim.converted ? " · converted" : ""} · {sim.messages.length} message
        {sim.messages.length === 1 ? "" : "s"}
      </p>
    </div>
  );
}
