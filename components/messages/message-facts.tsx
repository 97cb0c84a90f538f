import Link from "next/link";
import type { TMessageWithEvents } from "@/db/queries/message-log";
import { formatDateTime } from "@/lib/format/dates";
import { describeOrigin } from "@/lib/messages/log/message-origin";
import type { TOriginNames } from "@/lib/journeys/runs/step-name-lookup";
import { ChannelBadge } from "@/components/ui/channel-badge";
import { MessageOrigin } from "./message-origin";
import { MessageStatusBadge } from "./message-status-badge";
import { TemplateLabel } from "./template-label";

const providerLabel = (p: string | null) =>
  p === "outbox" ? "Outbox (built-in)" : (p ?? "none chosen");

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
  const when = (d: Date | null) => (d ? formatDateTime(d, timeZone) : null);
  const facts: [string, React.ReactNode][] = [
    ["Status", <MessageStatusBadge key="s" status={m.status} reason={m.reason} showReason />],
    ["Channel", <ChannelBadge key="c" channel={m.channel} />],
    ["Recipient", m.recipient],
    [
      "Contact",
      m.contactId ? (
        <Link
          key="ct"
          href={`/w/${slug}/contacts/${m.contactId}`}
          className="text-brand-600 hover:underline"
        >
          {found.contactExternalId ?? found.contactEmail ?? "Anonymous contact"}
        </Link>
      ) : null,
    ],
    ["Template", <TemplateLabel key="t" name={found.templateName} version={m.templateVersion} />],
    ["Origin", <MessageOrigin key="o" origin={describeOrigin(m.origin, slug, names)} />],
    ["Provider", providerLabel(m.provider)],
    ["Created", when(m.createdAt)],
    ["Sent", when(m.sentAt)],
    ["Delivered", when(m.deliveredAt)],
    ["Attempts", m.attempts ? String(m.attempts) : null],
    [
      "Provider id",
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
