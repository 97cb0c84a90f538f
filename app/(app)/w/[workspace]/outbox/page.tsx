import { getLocale, getTranslations } from "next-intl/server";
import { ExternalLink, Inbox, Info } from "lucide-react";
import Link from "next/link";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { KeysetPagination } from "@/components/ui/keyset-pagination";
import { keysetLinks } from "@/lib/pagination/keyset-cursor";
import { ChannelBadge } from "@/components/ui/channel-badge";
import { MessageContent } from "@/components/messages/message-content";
import { MessageStatusBadge } from "@/components/messages/message-status-badge";
import { OutboxList } from "@/components/messages/outbox-list";
import { Card } from "@/components/ui/card";
import { findMessageWithEvents, listMessageLog } from "@/db/queries/message-log";
import { formatDateTime } from "@/lib/format/dates";
import {
  EMPTY_MESSAGE_FILTER,
  isMessageId,
  messageLogQuery,
  parseMessageLogParams,
  type TMessageLogParams,
} from "@/lib/messages/log/message-log-params";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("outbox") };
}

const OUTBOX = "outbox";

export default async function OutboxPage({
  params,
  searchParams,
}: PageProps<"/w/[workspace]/outbox">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const locale = await getLocale();
  const t = await getTranslations("pages.outbox");
  const tn = await getTranslations("nav");
  const raw = await searchParams;
  const parsed = parseMessageLogParams(raw);
  // The Outbox is the log narrowed to one provider; only the page position comes from the URL.
  const view: TMessageLogParams = {
    ...EMPTY_MESSAGE_FILTER,
    provider: OUTBOX,
    after: parsed.after,
    before: parsed.before,
  };
  const page = await listMessageLog(workspace.id, view);
  const wanted =
    typeof raw.m === "string" && isMessageId(raw.m) ? raw.m.toLowerCase() : page.rows[0]?.id;
  const found = wanted ? await findMessageWithEvents(workspace.id, wanted) : null;
  const selected = found?.message.provider === OUTBOX ? found : null;
  const basePath = `/w/${workspace.slug}/outbox`;
  const position = {
    ...(view.after ? { after: view.after } : {}),
    ...(view.before ? { before: view.before } : {}),
  };
  const hrefFor = (id: string) =>
    `${basePath}${messageLogQuery(EMPTY_MESSAGE_FILTER, position, { m: id })}`;
  const links = keysetLinks(
    page,
    (position) => `${basePath}${messageLogQuery(EMPTY_MESSAGE_FILTER, position)}`,
  );
  const tz = workspace.timezone;

  const note = (
    <div
      className="mb-6 flex gap-3 rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900"
      data-testid="outbox-note"
    >
      <Info className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
      <p>
        {t.rich("note", {
          link: (chunks) =>
            can("manage") ? (
              <Link
                href={`/w/${workspace.slug}/settings/channels`}
                className="font-medium underline"
              >
                {chunks}
              </Link>
            ) : (
              <span className="font-medium">{chunks}</span>
            ),
        })}
      </p>
    </div>
  );

  return (
    <>
      <PageHeader title={tn("outbox")} description={t("description")} />
      {note}
      {page.rows.length === 0 ? (
        <section
          className="rounded-lg border border-dashed border-slate-300 bg-white px-8 py-12 text-center"
          data-testid="outbox-empty"
        >
          <Inbox className="mx-auto size-10 text-brand-500" aria-hidden="true" />
          <h2 className="mt-4 text-lg font-semibold">{t("emptyTitle")}</h2>
          <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">{t("emptyBody")}</p>
        </section>
      ) : (
        <Card className="grid min-h-[640px] overflow-hidden lg:grid-cols-[22rem_1fr]">
          <div className="flex min-w-0 flex-col border-b border-slate-200 lg:border-b-0 lg:border-r">
            <div className="flex-1">
              <OutboxList
                rows={page.rows}
                selectedId={selected?.message.id ?? null}
                hrefFor={hrefFor}
                timeZone={tz}
              />
            </div>
            <KeysetPagination
              label={t("pages")}
              newerText={t("newer")}
              olderText={t("older")}
              newerHref={links.newerHref}
              olderHref={links.olderHref}
            />
          </div>
          <div className="min-w-0" data-testid="outbox-reader">
            {selected ? (
              <>
                <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 px-5 py-4">
                  <div className="min-w-0">
                    <div className="flex flex-wrap items-center gap-2">
                      <ChannelBadge channel={selected.message.channel} />
                      <MessageStatusBadge
                        status={selected.message.status}
                        reason={selected.message.reason}
                      />
                    </div>
                    <p className="mt-1 break-all text-sm text-slate-600">
                      {t.rich("to", {
                        recipient: selected.message.recipient ?? "—",
                        b: (chunks) => <span className="font-medium text-slate-900">{chunks}</span>,
                      })}{" "}
                      · {formatDateTime(selected.message.createdAt, tz, locale)}
                    </p>
                  </div>
                  <Link
                    href={`/w/${workspace.slug}/messages/${selected.message.id}`}
                    className="inline-flex items-center gap-1 text-sm text-brand-600 hover:underline"
                  >
                    {t("details")} <ExternalLink className="size-3.5" aria-hidden="true" />
                  </Link>
                </div>
                <div className="px-5 py-4">
                  <MessageContent
                    channel={selected.message.channel}
                    content={selected.message.content}
                  />
                </div>
              </>
            ) : (
              <p className="px-5 py-10 text-center text-sm text-slate-500">{t("notInOutbox")}</p>
            )}
          </div>
        </Card>
      )}
    </>
  );
}
