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

export const metadata = { title: "Message" };

export default async function MessagePage({
  params,
}: PageProps<"/w/[workspace]/messages/[messageId]">) {
  const { workspace: slug, messageId } = await params;
  const { workspace } = await requireWorkspace(slug);
  // Another workspace's message looks exactly like one that does not exist.
  if (!isMessageId(messageId)) notFound();
  const found = await findMessageWithEvents(workspace.id, messageId.toLowerCase());
  if (!found) notFound();
  const m = found.message;
  const tz = workspace.timezone;
  const names = await loadOriginNames(workspace.id, [m.origin]);

  return (
    <div className="space-y-6">
      <div>
        <Link
          href={`/w/${workspace.slug}/messages`}
          className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
        >
          <ArrowLeft className="size-4" aria-hidden="true" /> Messages
        </Link>
        <h1 className="mt-2 flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
          <span className="break-all">{m.recipient ?? "Message"}</span>
          <ChannelBadge channel={m.channel} />
          {m.isTest ? <Badge tone="amber">test</Badge> : null}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {formatDateTime(m.createdAt, tz)} <span className="text-slate-400">({tz})</span>
        </p>
      </div>
      <Card>
        <MessageFacts found={found} slug={workspace.slug} timeZone={tz} names={names} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card className="min-w-0">
          <CardHeader
            title="Content"
            description="Exactly what was rendered for this contact, whatever the template has become since."
          />
          <CardBody>
            <MessageContent channel={m.channel} content={m.content} />
          </CardBody>
        </Card>
        <Card className="min-w-0 self-start">
          <CardHeader
            title="Timeline"
            description="Each step of the message's life, oldest first."
          />
          <MessageTimeline events={found.events} timeZone={tz} />
        </Card>
      </div>
    </div>
  );
}
