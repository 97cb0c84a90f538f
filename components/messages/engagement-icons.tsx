import { useLocale } from "next-intl";
import { MailOpen, MousePointerClick, Reply, UserMinus, type LucideIcon } from "lucide-react";
import { formatDateTime } from "@/lib/format/dates";

type TStamps = {
  openedAt: Date | null;
  clickedAt: Date | null;
  repliedAt: Date | null;
  unsubscribedAt: Date | null;
};

const MARKS: { key: keyof TStamps; label: string; icon: LucideIcon; className: string }[] = [
  { key: "openedAt", label: "Opened", icon: MailOpen, className: "text-sky-600" },
  { key: "clickedAt", label: "Clicked", icon: MousePointerClick, className: "text-brand-600" },
  { key: "repliedAt", label: "Replied", icon: Reply, className: "text-emerald-600" },
  { key: "unsubscribedAt", label: "Unsubscribed", icon: UserMinus, className: "text-amber-600" },
];

/** The first open, click, reply and unsubscribe; only those that happened show, each named for screen readers. */
export function EngagementIcons({ stamps, timeZone }: { stamps: TStamps; timeZone: string }) {
  const locale = useLocale();
  const marks = MARKS.filter((m) => stamps[m.key]);
  if (!marks.length) return <span className="text-slate-300">—</span>;
  return (
    <span className="inline-flex items-center gap-1.5">
      {marks.map(({ key, label, icon: Icon, className }) => {
        const title = `${label} ${formatDateTime(stamps[key]!, timeZone, locale)}`;
        return (
          <span key={key} title={title} className={className}>
            <Icon className="size-4" aria-hidden="true" />
            <span className="sr-only">{title}</span>
          </span>
        );
      })}
    </span>
  );
}
