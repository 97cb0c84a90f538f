import { useLocale, useTranslations } from "next-intl";
import type { TMessageEventType } from "@/db/schema";
import { formatDateTime } from "@/lib/format/dates";
import { describeMessageEvent, type TEventTone } from "@/lib/messages/log/message-event-labels";
import { cn } from "@/lib/utils";

type TEvent = {
  id: number;
  type: TMessageEventType;
  occurredAt: Date;
  detail: Record<string, unknown>;
};

const DOT: Record<TEventTone, string> = {
  neutral: "bg-slate-400",
  green: "bg-emerald-500",
  red: "bg-red-500",
  brand: "bg-brand-500",
  amber: "bg-amber-500",
};

/** The message's lifecycle, oldest first: queued → sent → delivered → opened → clicked…, each with why or where. */
export function MessageTimeline({ events, timeZone }: { events: TEvent[]; timeZone: string }) {
  const t = useTranslations("messages.timeline");
  const locale = useLocale();
  if (!events.length) return <p className="px-5 py-6 text-sm text-slate-500">{t("empty")}</p>;
  return (
    <ol className="px-5 py-4" data-testid="message-timeline">
      {events.map((e, i) => {
        const { label, tone, primary, hasDetail } = describeMessageEvent(e.type, e.detail);
        return (
          <li key={e.id} className="relative flex gap-3 pb-4 last:pb-0" data-testid="message-event">
            {i < events.length - 1 ? (
              <span
                className="absolute left-[5px] top-4 h-full w-px bg-slate-200"
                aria-hidden="true"
              />
            ) : null}
            <span
              className={cn(
                "mt-1.5 size-[11px] shrink-0 rounded-full ring-2 ring-white",
                DOT[tone],
              )}
              aria-hidden="true"
            />
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <span className="text-sm font-medium text-slate-900">{label}</span>
                <time
                  dateTime={e.occurredAt.toISOString()}
                  className="text-xs tabular-nums text-slate-500"
                >
                  {formatDateTime(e.occurredAt, timeZone, locale)}
                </time>
              </div>
              {primary ? (
                <p
                  className={cn(
                    "mt-0.5 break-all text-xs",
                    tone === "red" ? "text-red-700" : "text-slate-600",
                  )}
                >
                  {primary}
                </p>
              ) : null}
              {hasDetail ? (
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs text-slate-400 hover:text-slate-600">
                    {t("details")}
                  </summary>
                  <pre
                    className="mt-1 overflow-x-auto rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-700"
                    tabIndex={0}
                  >
                    {JSON.stringify(e.detail, null, 2)}
                  </pre>
                </details>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
