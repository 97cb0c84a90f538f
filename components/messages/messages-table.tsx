import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { TMessageLogRow } from "@/db/queries/message-log";
import { formatDateTime, formatRelative } from "@/lib/format/dates";
import { describeOrigin } from "@/lib/messages/log/message-origin";
import type { TOriginNames } from "@/lib/journeys/runs/step-name-lookup";
import { ChannelBadge } from "@/components/ui/channel-badge";
import { EngagementIcons } from "./engagement-icons";
import { MessageOrigin } from "./message-origin";
import { MessageStatusBadge } from "./message-status-badge";
import { TemplateLabel } from "./template-label";
import { TransactionalBadge } from "./transactional-badge";

const dash = <span className="text-slate-400">—</span>;

export function MessagesTable({
  slug,
  rows,
  timeZone,
  names,
}: {
  slug: string;
  rows: TMessageLogRow[];
  timeZone: string;
  /** Journey and step names for the journeys these messages came from. */
  names?: TOriginNames;
}) {
  const now = new Date();
  const locale = useLocale();
  const t = useTranslations("messages.table");
  const tc = useTranslations("common");
  return (
    // Tighter cells than the contacts list: seven columns should fit a laptop screen before it scrolls sideways.
    <Table className="whitespace-nowrap [&_td]:px-3 [&_td:first-child]:pl-5 [&_td:last-child]:pr-5 [&_th]:px-3 [&_th:first-child]:pl-5 [&_th:last-child]:pr-5">
      <thead>
        <tr>
          <Th>{t("time")}</Th>
          <Th>{tc("channel")}</Th>
          <Th>{t("recipient")}</Th>
          <Th>{t("template")}</Th>
          <Th>{t("origin")}</Th>
          <Th>{tc("status")}</Th>
          <Th>{t("engaged")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          // The time's link covers the row (its ::after), so a click anywhere opens the message; the
          // contact and origin links sit above it.
          <tr key={m.id} className="relative hover:bg-slate-50" data-testid="message-row">
            <Td className="text-slate-700">
              <Link
                href={`/w/${slug}/messages/${m.id}`}
                className="after:absolute after:inset-0 hover:text-brand-700 focus-visible:outline-none"
                title={formatRelative(m.createdAt, now, locale)}
              >
                <time dateTime={m.createdAt.toISOString()}>
                  {formatDateTime(m.createdAt, timeZone, locale)}
                </time>
              </Link>
            </Td>
            <Td>
              {/* Stacked, not side by side: the seven columns must still fit a laptop screen. */}
              <span className="inline-flex flex-col items-start gap-1">
                <ChannelBadge channel={m.channel} />
                {m.transactional ? <TransactionalBadge /> : null}
              </span>
            </Td>
            <Td className="max-w-60">
              <Recipient channel={m.channel} recipient={m.recipient} />
              <div className="flex items-center gap-1 truncate text-xs text-slate-500">
                {m.contactId ? (
                  <Link
                    href={`/w/${slug}/contacts/${m.contactId}`}
                    className="relative z-10 text-brand-600 hover:underline"
                  >
                    {m.contactExternalId ?? t("anonymousContact")}
                  </Link>
                ) : null}
                {m.summary ? (
                  <span className="truncate">
                    {m.contactId ? " · " : ""}
                    {m.summary}
                  </span>
                ) : null}
              </div>
            </Td>
            <Td className="text-slate-700">
              <TemplateLabel name={m.templateName} version={m.templateVersion} />
            </Td>
            <Td className="text-slate-700">
              <MessageOrigin origin={describeOrigin(m.origin, slug, names)} />
            </Td>
            <Td>
              <MessageStatusBadge
                status={m.status}
                reason={m.reason}
                showReason={
                  m.status === "failed" || m.status === "bounced" || m.status === "skipped"
                }
              />
            </Td>
            <Td>
              <EngagementIcons stamps={m} timeZone={timeZone} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * Who it went to, cut to the column with the whole of it on hover. A push reads "<contact> · 2
 * devices": the count stays whole and the contact is what is cut.
 */
function Recipient({ channel, recipient }: Pick<TMessageLogRow, "channel" | "recipient">) {
  const cut = channel === "push" && recipient ? recipient.lastIndexOf(" · ") : -1;
  return (
    <div
      className="flex min-w-0 font-medium text-slate-900"
      title={recipient ?? undefined}
      data-testid="message-recipient"
    >
      {recipient === null ? (
        dash
      ) : cut > 0 ? (
        <>
          <span className="truncate">{recipient.slice(0, cut)}</span>
          <span className="shrink-0 whitespace-pre">{recipient.slice(cut)}</span>
        </>
      ) : (
        <span className="truncate">{recipient}</span>
      )}
    </div>
  );
}
