import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import type { TMessageWithEvents } from "@/db/queries/message-log";
import { formatDateTime } from "@/lib/format/dates";
import { describeOrigin } from "@/lib/messages/log/message-origin";
import type { TOriginNames } from "@/lib/journeys/runs/step-name-lookup";
import { ChannelBadge } from "@/components/ui/channel-badge";
import { MessageOrigin } from "./message-origin";
import { MessageStatusBadge } from "./message-status-badge";
import { TemplateLabel } from "./template-label";
import { TransactionalBadge } from "./transactional-badge";

/** The message's who, what, how and when, for the top of its page. */
export function MessageFacts({
  found,
  slug,
  timeZone,
  names,
}: {
  found: TMessageWithEvents;
  slug: string;
  timeZone: string;
  names?: TOriginNames;
}) {
  const m = found.message;
  const t = useTranslations("messages.facts");
  const tc = useTranslations("common");
  const locale = useLocale();
  const providerLabel = (p: string | null) =>
    p === "outbox" ? t("outboxProvider") : (p ?? t("noProvider"));
  const when = (d: Date | null) => (d ? formatDateTime(d, timeZone, locale) : null);
  const facts: [string, React.ReactNode][] = [
    [tc("status"), <MessageStatusBadge key="s" status={m.status} reason={m.reason} showReason />],
    [
      tc("channel"),
      <span key="c" className="inline-flex items-center gap-1.5">
        <ChannelBadge channel={m.channel} />
        {m.transactional ? <TransactionalBadge /> : null}
      </span>,
    ],
    [t("recipient"), m.recipient],
    [
      t("contact"),
      m.contactId ? (
        <Link
          key="ct"
          href={`/w/${slug}/contacts/${m.contactId}`}
          className="text-brand-600 hover:underline"
        >
          {found.contactExternalId ?? found.contactEmail ?? t("anonymousContact")}
        </Link>
      ) : null,
    ],
    [
      t("template"),
      <TemplateLabel key="t" name={found.templateName} version={m.templateVersion} />,
    ],
    [t("origin"), <MessageOrigin key="o" origin={describeOrigin(m.origin, slug, names)} />],
    [t("provider"), providerLabel(m.provider)],
    [tc("created"), when(m.createdAt)],
    [t("sent"), when(m.sentAt)],
    [t("delivered"), when(m.deliveredAt)],
    [t("attempts"), m.attempts ? String(m.attempts) : null],
    [
      t("providerId"),
      m.providerMessageId ? (
        <span key="p" className="break-all font-mono text-xs">
          {m.providerMessageId}
        </span>
      ) : null,
    ],
  ];
  return (
    <dl
      className="grid gap-x-6 gap-y-3 px-5 py-4 text-sm sm:grid-cols-2 lg:grid-cols-3"
      data-testid="message-facts"
    >
      {facts.map(([k, v]) => (
        <div key={k} className="min-w-0">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{k}</dt>
          <dd className="mt-0.5 break-words text-slate-800">
            {v ?? <span className="text-slate-400">—</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
