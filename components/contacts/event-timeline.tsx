import { useLocale, useTranslations } from "next-intl";
import { ChevronRight } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { describeEvent, eventLabelText } from "@/lib/contacts/event-labels";
import { formatDateTime } from "@/lib/format/dates";

type TTimelineEvent = {
  id: number;
  name: string;
  properties: Record<string, unknown>;
  occurredAt: Date;
  messageId: string;
};

/** Newest first; each event's properties fold open, so a long timeline stays scannable. */
/** The field's name in the API, shown as it is in every language. */
const MESSAGE_ID = "messageId";

export function EventTimeline({
  events,
  timeZone,
}: {
  events: TTimelineEvent[];
  timeZone: string;
}) {
  const locale = useLocale();
  const t = useTranslations("contacts.timeline");
  const te = useTranslations("contacts.timeline.events");
  if (!events.length) return <p className="px-5 py-6 text-sm text-slate-500">{t("empty")}</p>;
  return (
    <ol className="divide-y divide-slate-100" data-testid="timeline">
      {events.map((e) => {
        const described = describeEvent(e.name, e.properties);
        const { system } = described;
        const { label, detail } = eventLabelText(described, te);
        const hasProperties = Object.keys(e.properties).length > 0;
        return (
          <li key={e.id} className="px-5 py-3" data-testid="timeline-event">
            <details className="group">
              <summary className="flex cursor-pointer list-none items-start gap-3 [&::-webkit-details-marker]:hidden">
                <ChevronRight
                  className="mt-0.5 size-4 shrink-0 text-slate-400 transition-transform group-open:rotate-90"
                  aria-hidden="true"
                />
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="text-sm font-medium text-slate-900">{label}</span>
                    {system ? <Badge>{t("system")}</Badge> : null}
                  </div>
                  {detail ? (
                    <p className="mt-0.5 truncate text-xs text-slate-500">{detail}</p>
                  ) : null}
                </div>
                <time
                  dateTime={e.occurredAt.toISOString()}
                  className="shrink-0 text-xs tabular-nums text-slate-500"
                >
                  {formatDateTime(e.occurredAt, timeZone, locale)}
                </time>
              </summary>
              <div className="ml-7 mt-2 space-y-1">
                {hasProperties ? (
                  <pre className="overflow-x-auto rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-700">
                    {JSON.stringify(e.properties, null, 2)}
                  </pre>
                ) : null}
                <p className="text-xs text-slate-400">
                  {system ? <span className="font-mono">{e.name} · </span> : null}
                  {MESSAGE_ID} <span className="font-mono">{e.messageId}</span>
                </p>
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
