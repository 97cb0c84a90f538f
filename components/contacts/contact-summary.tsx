import { Card } from "@/components/ui/card";
import type { TContact } from "@/db/schema";
import { formatDateTime, formatRelative } from "@/lib/format/dates";

const none = <span className="text-slate-400">—</span>;

/** Who the contact is: ids, addresses, where and when. */
export function ContactSummary({ contact, timeZone }: { contact: TContact; timeZone: string }) {
  const location = [contact.city, contact.country].filter(Boolean).join(", ");
  const items: [string, React.ReactNode][] = [
    ["Email", contact.email ?? none],
    ["Phone", contact.phone ? <span className="tabular-nums">{contact.phone}</span> : none],
    ["Location", location || none],
    ["Time zone", contact.timezone ?? none],
    ["Locale", contact.locale ?? none],
    ["Created", formatDateTime(contact.createdAt, timeZone)],
    [
      "Last seen",
      contact.lastSeenAt ? (
        <span title={formatDateTime(contact.lastSeenAt, timeZone)}>
          {formatRelative(contact.lastSeenAt)}
        </span>
      ) : (
        <span className="text-slate-400">never</span>
      ),
    ],
    ["Updated", formatDateTime(contact.updatedAt, timeZone)],
  ];
  return (
    <Card>
      <dl
        className="grid grid-cols-2 gap-x-6 gap-y-4 px-5 py-4 sm:grid-cols-4"
        data-testid="contact-summary"
      >
        {items.map(([label, value]) => (
          <div key={label} className="min-w-0">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="mt-0.5 break-all text-sm text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
