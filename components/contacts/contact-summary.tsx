import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { TContact } from "@/db/schema";
import { formatDateTime, formatRelative } from "@/lib/format/dates";

const none = <span className="text-slate-400">—</span>;

/** Who the contact is: ids, addresses, where and when. */
export function ContactSummary({ contact, timeZone }: { contact: TContact; timeZone: string }) {
  const locale = useLocale();
  const t = useTranslations("contacts.summary");
  const location = [contact.city, contact.country].filter(Boolean).join(", ");
  const items: [string, React.ReactNode][] = [
    [t("email"), contact.email ?? none],
    [t("phone"), contact.phone ? <span className="tabular-nums">{contact.phone}</span> : none],
    [t("location"), location || none],
    [t("timeZone"), contact.timezone ?? none],
    [t("locale"), contact.locale ?? none],
    [t("created"), formatDateTime(contact.createdAt, timeZone, locale)],
    [
      t("lastSeen"),
      contact.lastSeenAt ? (
        <span title={formatDateTime(contact.lastSeenAt, timeZone, locale)}>
          {formatRelative(contact.lastSeenAt, new Date(), locale)}
        </span>
      ) : (
        <span className="text-slate-400">{t("never")}</span>
      ),
    ],
    [t("updated"), formatDateTime(contact.updatedAt, timeZone, locale)],
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
