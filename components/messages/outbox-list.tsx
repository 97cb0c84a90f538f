import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import type { TMessageLogRow } from "@/db/queries/message-log";
import { formatDateTime } from "@/lib/format/dates";
import { cn } from "@/lib/utils";
import { ChannelIcon } from "@/components/ui/channel-icon";

/** The Outbox's message list, mailbox style: who, the first line, when, which channel. */
export function OutboxList({
  rows,
  selectedId,
  hrefFor,
  timeZone,
}: {
  rows: TMessageLogRow[];
  selectedId: string | null;
  hrefFor: (id: string) => string;
  timeZone: string;
}) {
  const t = useTranslations("messages.outbox");
  const locale = useLocale();
  return (
    <ul className="divide-y divide-slate-100" aria-label={t("label")}>
      {rows.map((m) => {
        const selected = m.id === selectedId;
        return (
          <li key={m.id}>
            <Link
              href={hrefFor(m.id)}
              aria-current={selected ? "true" : undefined}
              data-testid="outbox-item"
              className={cn(
                "block border-l-2 px-4 py-3 hover:bg-slate-50",
                selected ? "border-brand-600 bg-brand-50/60" : "border-transparent",
              )}
            >
              <div className="flex items-center gap-2">
                <ChannelIcon
                  channel={m.channel}
                  className="size-3.5 shrink-0 text-slate-400"
                  labelled
                />
                <span className="min-w-0 flex-1 truncate text-sm font-medium text-slate-900">
                  {m.recipient ?? "—"}
                </span>
                <time
                  dateTime={m.createdAt.toISOString()}
                  className="shrink-0 text-xs tabular-nums text-slate-500"
                >
                  {formatDateTime(m.createdAt, timeZone, locale)}
                </time>
              </div>
              <p className="mt-0.5 truncate pl-5.5 text-sm text-slate-600">
                {m.summary ?? <span className="italic text-slate-400">{t("noContent")}</span>}
              </p>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
