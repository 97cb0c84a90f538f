import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import type { TMessageLogRow } from "@/db/queries/message-log";
import { formatDateTime } from "@/lib/format/dates";
import { ChannelBadge } from "@/components/ui/channel-badge";
import { MessageStatusBadge } from "./message-status-badge";
import { useReasonText } from "./use-reason-text";

/** The contact's latest messages on their profile, each linking to its page; the rest are one click away in the log. */
export function ContactMessagesCard({
  slug,
  contactId,
  rows,
  timeZone,
  limit,
}: {
  slug: string;
  contactId: string;
  rows: TMessageLogRow[];
  timeZone: string;
  limit: number;
}) {
  const t = useTranslations("messages.contactCard");
  const reasonText = useReasonText();
  const locale = useLocale();
  return (
    <Card data-testid="contact-messages">
      <CardHeader
        title={t("title")}
        description={rows.length ? t("latestFirst") : undefined}
        actions={
          rows.length >= limit ? (
            <Link
              href={`/w/${slug}/messages?contact=${contactId}`}
              className="shrink-0 text-sm text-brand-600 hover:underline"
            >
              {t("all")}
            </Link>
          ) : null
        }
      />
      {rows.length ? (
        <ul className="divide-y divide-slate-100">
          {rows.map((m) => (
            <li key={m.id}>
              <Link
                href={`/w/${slug}/messages/${m.id}`}
                className="block px-5 py-3 hover:bg-slate-50"
                data-testid="contact-message"
              >
                <div className="flex items-center gap-2">
                  <ChannelBadge channel={m.channel} />
                  <span className="min-w-0 flex-1 truncate text-sm text-slate-800">
                    {m.summary ?? m.templateName ?? m.recipient ?? t("message")}
                  </span>
                  <MessageStatusBadge status={m.status} reason={m.reason} />
                </div>
                <p className="mt-1 text-xs text-slate-500">
                  <time dateTime={m.createdAt.toISOString()}>
                    {formatDateTime(m.createdAt, timeZone, locale)}
                  </time>
                  {m.status === "failed" || m.status === "bounced" || m.status === "skipped"
                    ? m.reason
                      ? ` · ${reasonText(m.reason)}`
                      : ""
                    : ""}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-5 py-4 text-sm text-slate-500">{t("empty")}</p>
      )}
    </Card>
  );
}
