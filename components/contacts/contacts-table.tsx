import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { TContactListRow } from "@/db/queries/contacts-list";
import { formatDate, formatDateTime, formatRelative } from "@/lib/format/dates";

const dash = <span className="text-slate-400">—</span>;

export function ContactsTable({
  slug,
  rows,
  timeZone,
}: {
  slug: string;
  rows: TContactListRow[];
  timeZone: string;
}) {
  const now = new Date();
  const locale = useLocale();
  const t = useTranslations("contacts.summary");
  return (
    // No wrapping: ids, dates and numbers read badly broken over lines; the table scrolls sideways instead.
    <Table className="whitespace-nowrap">
      <thead>
        <tr>
          <Th>{t("userId")}</Th>
          <Th>{t("email")}</Th>
          <Th>{t("phone")}</Th>
          <Th>{t("country")}</Th>
          <Th>{t("lastSeen")}</Th>
          <Th>{t("created")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          // The whole row is the link's hit area (the link's ::after covers it), so a click anywhere opens the profile.
          <tr key={c.id} className="relative hover:bg-slate-50" data-testid="contact-row">
            <Td className="font-medium">
              <Link
                href={`/w/${slug}/contacts/${c.id}`}
                className="after:absolute after:inset-0 hover:text-brand-700 focus-visible:outline-none"
              >
                {c.externalId ?? (
                  <span className="font-normal italic text-slate-500">{t("anonymous")}</span>
                )}
              </Link>
            </Td>
            <Td className="text-slate-700">{c.email ?? dash}</Td>
            <Td className="tabular-nums text-slate-700">{c.phone ?? dash}</Td>
            <Td className="text-slate-700">{c.country ?? dash}</Td>
            <Td
              className="text-slate-600"
              title={c.lastSeenAt ? formatDateTime(c.lastSeenAt, timeZone, locale) : undefined}
            >
              {c.lastSeenAt ? (
                formatRelative(c.lastSeenAt, now, locale)
              ) : (
                <span className="text-slate-400">{t("never")}</span>
              )}
            </Td>
            <Td className="text-slate-600" title={formatDateTime(c.createdAt, timeZone, locale)}>
              {formatDate(c.createdAt, timeZone, locale)}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
