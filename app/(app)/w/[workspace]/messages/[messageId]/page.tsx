import { getLocale, getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { ChannelBadge } from "@/components/ui/channel-badge";
import { MessageContent } from "@/components/messages/message-content";
import { MessageFacts } from "@/components/messages/message-facts";
import { MessageTimeline } from "@/components/messages/message-timeline";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { findMessageWithEvents } from "@/db/queries/message-log";
import { isMessageId } from "@/lib/messages/log/message-log-params";
import { formatDateTime } from "@/lib/format/dates";
import { loadOriginNames } from "@/lib/journeys/runs/step-name-lookup";

export async function generateMetadata() {
  return { title: (await getTranslations("pages.messages.message"))("title") };
}

export default async function MessagePage({
  params,
}: PageProps<"/w/[workspace]/messages/[messageId]">) {
  const { workspace: slug, messageId } = await params;
  const { workspace } = await requireWorkspace(slug);
  const locale = await getLocale();
  const t = await getTranslations("pages.messages.message");
  const tn = await getTranslations("nav");
  // Another workspace's message looks exactly like one that does not exist.
  if (!isMessageId(messageId)) notFound();
  const found = await findMessageWithEvents(workspace.id, messageId.toLowerCase());
  if (!found) notFound();
  const m = found.message;
  const tz = workspace.timezone;
  const names = await loadOriginNames(
    workspace.id,
    [m.origin],
    await getTranslations("journeys.summary"),
  );

  return (
    <div className="space-y-6">
      <div>
        <Link
          href={`/w/${workspace.slug}/messages`}
          className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
        >
          <ArrowLeft className="size-4" aria-hidden="true" /> {tn("messages")}
        </Link>
        <h1 className="mt-2 flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
          <span className="break-all">{m.recipient ?? t("title")}</span>
          <ChannelBadge channel={m.channel} />
          {m.isTest ? <Badge tone="amber">{t("test")}</Badge> : null}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {formatDateTime(m.createdAt, tz, locale)} <span className="text-slate-400">({tz})</span>
        </p>
      </div>
      <Card>
        <MessageFacts found={found} slug={workspace.slug} timeZone={tz} names={names} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card className="min-w-0">
          <CardHeader title={t("content")} description={t("contentDescription")} />
          <CardBody>
            <MessageContent channel={m.channel} content={m.content} />
          </CardBody>
        </Card>
        <Card className="min-w-0 self-start">
          <CardHeader title={t("timeline")} description={t("timelineDescription")} />
          <MessageTimeline events={found.events} timeZone={tz} />
        </Card>
      </div>
    </div>
  );
}
