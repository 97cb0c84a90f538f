import { getTranslations } from "next-intl/server";
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
import { KIND_OPTIONS, STATUS_OPTIONS } from "@/lib/messages/log/filter-options";
import { loadOriginNames } from "@/lib/journeys/runs/step-name-lookup";
import {
  isMessageLogNarrowed,
  messageLogQuery,
  parseMessageLogParams,
} from "@/lib/messages/log/message-log-params";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("messages") };
}

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
    await getTranslations("journeys.summary"),
  );
  const basePath = `/w/${workspace.slug}/messages`;
  const narrowed = isMessageLogNarrowed(view);
  const t = await getTranslations("messages.list");
  const tn = await getTranslations("nav");
  const description = t("description");
  const outbox = (
    <Button asChild variant="outline">
      <Link href={`/w/${workspace.slug}/outbox`}>
        <Inbox /> {tn("outbox")}
      </Link>
    </Button>
  );

  if (!narrowed && !view.after && !view.before && page.rows.length === 0) {
    return (
      <>
        <PageHeader title={tn("messages")} description={description} />
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
  const totalArgs = { count: total.count, more: total.more ? "yes" : "no" };

  return (
    <>
      <PageHeader title={tn("messages")} description={description} actions={outbox} />
      <Card>
        <div className="border-b border-slate-100 px-5 py-4">
          <MessageFilters
            basePath={basePath}
            value={{
              channel: view.channel ?? "",
              status: view.status ?? "",
              kind: view.kind ?? "",
              q: view.q,
            }}
            keep={keep}
            channels={CHANNEL_OPTIONS}
            statuses={STATUS_OPTIONS}
            kinds={KIND_OPTIONS}
          />
        </div>
        {page.rows.length ? (
          <>
            <p className="px-5 pt-3 text-sm text-slate-600" data-testid="messages-total">
              {narrowed ? t("totalMatching", totalArgs) : t("total", totalArgs)}
              <span className="text-slate-400">
                {" "}
                · {t("newestFirst", { timeZone: workspace.timezone })}
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
            {t("noMatch")}{" "}
            <Link href={basePath} className="text-brand-600 hover:underline">
              {t("clear")}
            </Link>
          </p>
        )}
        <KeysetPagination label={t("pages")} newerHref={newerHref} olderHref={olderHref} />
      </Card>
    </>
  );
}
