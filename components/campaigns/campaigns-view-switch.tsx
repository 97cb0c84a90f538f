import { useTranslations } from "next-intl";
import Link from "next/link";

/** List or calendar: two links that look like a segmented control; the current one says so. */
export function CampaignsViewSwitch({
  slug,
  current,
}: {
  slug: string;
  current: "list" | "calendar";
}) {
  const t = useTranslations("campaigns.calendar");
  const item = (view: "list" | "calendar", href: string, label: string) => (
    <Link
      href={href}
      aria-current={current === view ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${
        current === view
          ? "bg-white text-slate-900 shadow-sm"
          : "text-slate-600 hover:text-slate-900"
      }`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label={t("viewsLabel")} className="inline-flex rounded-lg bg-slate-100 p-1">
      {item("list", `/w/${slug}/campaigns`, t("viewList"))}
      {item("calendar", `/w/${slug}/campaigns/calendar`, t("viewCalendar"))}
    </nav>
  );
}
