import { useLocale, useTranslations } from "next-intl";
import { useChannelLabel } from "@/components/app/use-labels";
import type { TSimulation } from "../editor/journey-api";

type TWhen =
  { key: "atOnce" } | { key: "afterHours"; hours: number } | { key: "afterDays"; days: number };

/** How long after the start a step happened, rounded to a tenth of an hour or day. */
const when = (iso: string, start: string): TWhen => {
  const ms = Date.parse(iso) - Date.parse(start);
  if (ms < 60_000) return { key: "atOnce" };
  const h = ms / 3_600_000;
  return h < 48
    ? { key: "afterHours", hours: Math.round(h * 10) / 10 }
    : { key: "afterDays", days: Math.round((h / 24) * 10) / 10 };
};
const EXITS = ["completed", "exit_node", "holdout", "goal", "contact_missing"] as const;
const isExit = (r: string | undefined): r is (typeof EXITS)[number] =>
  (EXITS as readonly string[]).includes(r ?? "");

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
  const t = useTranslations("journeys.test");
  const tc = useTranslations("common");
  const channel = useChannelLabel();
  const locale = useLocale();
  const ago = (w: TWhen) =>
    w.key === "atOnce"
      ? t("atOnce")
      : w.key === "afterHours"
        ? t("afterHours", w)
        : t("afterDays", w);
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
                  title={new Date(p.at).toLocaleString(locale)}
                >
                  {ago(when(p.at, start))}
                </time>
              </div>
              <p className="ml-7 text-xs text-slate-600">→ {p.outcome?.replace(/_/g, " ")}</p>
              {msgs.map((m, j) => (
                <p
                  key={j}
                  className="ml-7 text-xs text-emerald-800"
                  data-testid="simulation-message"
                >
                  {t("wouldSend", {
                    channel: channel(m.channel),
                    template: templateName(m.templateId),
                  })}
                </p>
              ))}
            </li>
          );
        })}
      </ol>
      <p className="text-sm text-slate-700" data-testid="simulation-exit">
        {t.rich("ends", {
          reason: isExit(exit.reason) ? t(`exit.${exit.reason}`) : (exit.reason ?? "—"),
          b: (chunks) => <b>{chunks}</b>,
        })}
        {sim.converted ? ` · ${t("converted")}` : ""} ·{" "}
        {tc("messagesCount", { count: sim.messages.length })}
      </p>
    </div>
  );
}
