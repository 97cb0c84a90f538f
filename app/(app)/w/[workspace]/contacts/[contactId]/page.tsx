import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { AttributesTable } from "@/components/contacts/attributes-table";
import { ChannelToggles } from "@/components/contacts/channel-toggles";
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
  const [details, timeline, messages] = await Promise.all([
    loadContactDetails(workspace.id, contact.id),
    listContactEvents(workspace.id, contact.id, before),
    listContactMessages(workspace.id, contact.id, RECENT_MESSAGES),
  ]);
  const tz = workspace.timezone;
  const editable = can("edit");
  const base = `/w/${workspace.slug}/contacts/${contact.id}`;
  const api = `/api/w/${workspace.slug}/contacts/${contact.id}`;
  const attributes = Object.entries(contact.attributes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ({ name, value, type: attributeType(value) }));
  const channels = channelPanel(contact, details, tz);
  const last = timeline.events.at(-1);

  return (
    <div className="space-y-6">
      <div>
        <Link
          href={`/w/${workspace.slug}/contacts`}
          className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
        >
          <ArrowLeft className="size-4" aria-hidden="true" /> Contacts
        </Link>
        <h1 className="mt-2 break-all text-2xl font-semibold tracking-tight">
          {contact.externalId ?? "Anonymous visitor"}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {contact.externalId
            ? "User id"
            : "Known only by an anonymous id until your app identifies them"}{" "}
          · {details.eventCount.toLocaleString("en-US")}{" "}
          {details.eventCount === 1 ? "event" : "events"}
        </p>
      </div>
      <ContactSummary contact={contact} timeZone={tz} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <CardHeader
              title="Attributes"
              description="Typed values your app sends as identify traits; segments and templates read them."
            />
            <AttributesTable url={`${api}/attributes`} rows={attributes} editable={editable} />
          </Card>
          <Card>
            <CardHeader
              title="Events"
              description={
                before
                  ? "Older events, newest first."
                  : "Newest first. Open one to see its properties."
              }
            />
            <EventTimeline events={timeline.events} timeZone={tz} />
            <KeysetPagination
              label="Event pages"
              newerText="Newest events"
              olderText="Older events"
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
              title="Channels"
              description={
                editable
                  ? "Switch a channel off to opt the contact out; the change is recorded with source UI."
                  : "Where the contact can be reached and what they agreed to."
              }
            />
            <ChannelToggles
              key={JSON.stringify(channels)}
              url={`${api}/subscriptions`}
              global={channels.global}
              channels={channels.channels}
              editable={editable}
            />
          </Card>
          <DevicesCard
            tokens={details.pushTokens}
            anonymousIds={details.anonymousIds}
            timeZone={tz}
          />
          <UpcomingSection
            title="Journeys"
            text="The journeys this contact is in, and where they are in each, appear here once journeys are available."
          />
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
