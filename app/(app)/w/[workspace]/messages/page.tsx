import { Inbox } from "lucide-react";
import Link from "next/link";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { KeysetPagination } from "@/components/ui/keyset-pagination";
import { keysetLinks } from "@/lib/pagination/keyset-cursor";
import { MessageFilters } from "@/components/messages/message-filters";
import { MessagesEmptyState } from "@/components/messages/messages-empty-state";
import { MessagesTable } from "@/components/messages/messages-table";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { countMessageLog, listMessageLog } from "@/db/queries/message-log";
import { CHANNEL_OPTIONS } from "@/lib/channels/channel-meta";
import { STATUS_OPTIONS } from "@/lib/messages/log/filter-options";
import { loadOriginNames } from "@/lib/journeys/runs/step-name-lookup";
import {
  isMessageLogNarrowed,
  messageLogQuery,
  parseMessageLogParams,
} from "@/lib/messages/log/message-log-params";

export const metadata = { title: "Messages" };

const plural = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "message" : "messages"}`;

export default async function MessagesPage({
  params,
  searchParams,
}: PageProps<"/w/[workspace]/messages">) {
  const { workspace } = await requireWorkspace((await params).workspace);
  const view = parseMessageLogParams(await searchParams);
  const [page, total] = await Promise.all([
    listMessageLog(workspace.id, view),
    countMessageLog(workspace.id, view),
  ]);
  const names = await loadOriginNames(
    workspace.id,
    page.rows.map((r) => r.origin),
  );
  const basePath = `/w/${workspace.slug}/messages`;
  const narrowed = isMessageLogNarrowed(view);
  const description =
    "Every message sent to a contact, with its delivery, opens and clicks. Open one to see exactly what went out.";
  const outbox = (
    <Button asChild variant="outline">
      <Link href={`/w/${workspace.slug}/outbox`}>
        <Inbox /> Outbox
      </Link>
    </Button>
  );

  if (!narrowed && !view.after && !view.before && page.rows.length === 0) {
    return (
      <>
        <PageHeader title="Messages" description={description} />
        <MessagesEmptyState slug={workspace.slug} />
      </>
    );
  }

  const { newerHref, olderHref } = keysetLinks(
    page,
    (position) => `${basePath}${messageLogQuery(view, position)}`,
  );
  const keep: Record<string, string> = {};
  if (view.provider) keep.provider = view.provider;
  if (view.templateId) keep.template = view.templateId;
  if (view.contactId) keep.contact = view.contactId;
  const count = `${plural(total.count)}${total.more ? "+" : ""}`;

  return (
    <>
      <PageHeader title="Messages" description={description} actions={outbox} />
      <Card>
        <div className="border-b border-slate-100 px-5 py-4">
          <MessageFilters
            basePath={basePath}
            value={{ channel: view.channel ?? "", status: view.status ?? "", q: view.q }}
            keep={keep}
            channels={CHANNEL_OPTIONS}
            statuses={STATUS_OPTIONS}
          />
        </div>
        {page.rows.length ? (
          <>
            <p className="px-5 pt-3 text-sm text-slate-600" data-testid="messages-total">
              {narrowed
                ? `${count} ${total.count === 1 && !total.more ? "matches" : "match"}`
                : count}
              <span className="text-slate-400">
                {" "}
                · newest first · times in {workspace.timezone}
              </span>
            </p>
            <MessagesTable
              slug={workspace.slug}
              rows={page.rows}
              timeZone={workspace.timezone}
              names={names}
            />
          </>
        ) : (
          <p className="px-5 py-10 text-center text-sm text-slate-500">
            No messages match.{" "}
            <Link href={basePath} className="text-brand-600 hover:underline">
              Clear filters
            </Link>
          </p>
        )}
        <KeysetPagination label="Message pages" newerHref={newerHref} olderHref={olderHref} />
      </Card>
    </>
  );
}
