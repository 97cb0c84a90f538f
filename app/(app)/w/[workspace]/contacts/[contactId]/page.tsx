import { getLocale, getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { AttributesTable } from "@/components/contacts/attributes-table";
import { ChannelToggles } from "@/components/contacts/channel-toggles";
import { TopicToggles } from "@/components/topics/topic-toggles";
import { contactTopicStates } from "@/lib/topics/contact-topics";
import { ContactSummary } from "@/components/contacts/contact-summary";
import { DevicesCard } from "@/components/contacts/devices-card";
import { EventTimeline } from "@/components/contacts/event-timeline";
import { KeysetPagination } from "@/components/ui/keyset-pagination";
import { UpcomingSection } from "@/components/contacts/upcoming-section";
import { ContactMessagesCard } from "@/components/messages/contact-messages-card";
import { Card, CardHeader } from "@/components/ui/card";
import { listContactEvents } from "@/db/queries/contact-timeline";
import { findContactById, loadContactDetails } from "@/db/queries/contacts";
import { listContactMessages } from "@/db/queries/message-log";
import { attributeType } from "@/lib/contacts/attributes";
import { channelPanel } from "@/lib/contacts/channel-panel";
import { isContactId } from "@/lib/contacts/contact-id";
import { formatDateTime } from "@/lib/format/dates";
import { formatCursor, parseCursor } from "@/lib/pagination/keyset-cursor";

export const metadata = { title: "Contact" };

const RECENT_MESSAGES = 8;

export default async function ContactPage({
  params,
  searchParams,
}: PageProps<"/w/[workspace]/contacts/[contactId]">) {
  const { workspace: slug, contactId } = await params;
  const { workspace, can } = await requireWorkspace(slug);
  // Another workspace's contact looks exactly like one that does not exist.
  if (!isContactId(contactId)) notFound();
  const contact = await findContactById(workspace.id, contactId.toLowerCase());
  if (!contact) notFound();

  const raw = (await searchParams).before;
  const before = parseCursor(typeof raw === "string" ? raw : undefined, "bigint");
  const [details, timeline, messages, topicStates] = await Promise.all([
    loadContactDetails(workspace.id, contact.id),
    listContactEvents(workspace.id, contact.id, before),
    listContactMessages(workspace.id, contact.id, RECENT_MESSAGES),
    contactTopicStates(workspace.id, contact.id),
  ]);
  const tz = workspace.timezone;
  const editable = can("edit");
  const base = `/w/${workspace.slug}/contacts/${contact.id}`;
  const api = `/api/w/${workspace.slug}/contacts/${contact.id}`;
  const attributes = Object.entries(contact.attributes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ({ name, value, type: attributeType(value) }));
  const locale = await getLocale();
  const channels = channelPanel(contact, details, tz, locale);
  const t = await getTranslations("contacts.profile");
  const tn = await getTranslations("nav");
  const last = timeline.events.at(-1);
  const tt = await getTranslations("topics.profile");
  const topics = topicStates.map((s) => ({
    key: s.topic.key,
    name: s.topic.name,
    subscribed: s.status === "subscribed",
    lastChange:
      s.explicit && s.changedAt
        ? tt("source", {
            source: tt.has(`sources.${s.source}` as "sources.api")
              ? tt(`sources.${s.source}` as "sources.api")
              : (s.source ?? ""),
            date: formatDateTime(s.changedAt, tz, locale),
          })
        : null,
  }));

  return (
    <div className="space-y-6">
      <div>
        <Link
          href={`/w/${workspace.slug}/contacts`}
          className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
        >
          <ArrowLeft className="size-4" aria-hidden="true" /> {tn("contacts")}
        </Link>
        <h1 className="mt-2 break-all text-2xl font-semibold tracking-tight">
          {contact.externalId ?? t("anonymousVisitor")}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {contact.externalId ? t("userId") : t("anonymousHint")} ·{" "}
          {t("events", { count: details.eventCount })}
        </p>
      </div>
      <ContactSummary contact={contact} timeZone={tz} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title={t("attributes")} description={t("attributesHint")} />
            <AttributesTable url={`${api}/attributes`} rows={attributes} editable={editable} />
          </Card>
          <Card>
            <CardHeader
              title={t("eventsTitle")}
              description={before ? t("olderEventsHint") : t("eventsHint")}
            />
            <EventTimeline events={timeline.events} timeZone={tz} />
            <KeysetPagination
              label={t("eventPages")}
              newerText={t("newestEvents")}
              olderText={t("olderEvents")}
              newerHref={before ? base : null}
              olderHref={
                timeline.hasOlder && last
                  ? `${base}?before=${encodeURIComponent(formatCursor(last.cursor))}`
                  : null
              }
            />
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader
              title={t("channels")}
              description={editable ? t("channelsHintEditable") : t("channelsHint")}
            />
            <ChannelToggles
              key={JSON.stringify(channels)}
              url={`${api}/subscriptions`}
              global={channels.global}
              channels={channels.channels}
              editable={editable}
            />
          </Card>
          <Card>
            <CardHeader title={tt("title")} description={tt("description")} />
            <TopicToggles
              key={JSON.stringify(topics)}
              url={`${api}/topics`}
              topics={topics}
              editable={editable}
            />
          </Card>
          <DevicesCard
            tokens={details.pushTokens}
            anonymousIds={details.anonymousIds}
            timeZone={tz}
          />
          <UpcomingSection title={tn("journeys")} text={t("journeysHint")} />
          <ContactMessagesCard
            slug={workspace.slug}
            contactId={contact.id}
            rows={messages}
            timeZone={tz}
            limit={RECENT_MESSAGES}
          />
        </div>
      </div>
    </div>
  );
}
