"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

/** Each label is a key under `settings.tabs` in the catalogues. */
const TABS: { href: string; label: string; admin?: boolean }[] = [
  { href: "", label: "general" },
  { href: "/members", label: "members" },
  { href: "/api-keys", label: "apiKeys" },
  { href: "/api", label: "api" },
  // Everyone reads the topics; only admins change them (the page hides the forms).
  { href: "/topics", label: "topics" },
  // Admin-only: the page itself answers 404 to other roles.
  { href: "/channels", label: "channels", admin: true },
  { href: "/campaigns", label: "campaigns", admin: true },
  { href: "/suppression", label: "suppression", admin: true },
  { href: "/data", label: "data", admin: true },
  { href: "/definitions", label: "definitions" },
  { href: "/pinpoint", label: "pinpoint", admin: true },
  { href: "/stream", label: "stream", admin: true },
  // The instance's health, queue and providers (operators only; lib/operators/is-operator.ts).
  { href: "/system", label: "system", admin: true },
];

export function SettingsTabs({ slug, admin }: { slug: string; admin: boolean }) {
  const pathname = usePathname();
  const t = useTranslations("settings");
  return (
    // Tabs keep their label on one line and wrap as a whole: Vietnamese labels are twice as long.
    <nav aria-label={t("title")} className="mb-6 flex flex-wrap gap-x-1 border-b border-slate-200">
      {TABS.filter((tab) => admin || !tab.admin).map((tab) => {
        const href = `/w/${slug}/settings${tab.href}`;
        const active = pathname === href;
        return (
          <Link
            key={tab.href}
            href={href}
            // Ten tabs prefetched on every settings page were ten requests in flight, each renewing
            // the session cookie: one answering after "Sign out" set the cookie again.
            prefetch={false}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
              active
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {t(`tabs.${tab.label}` as "tabs.general")}
          </Link>
        );
      })}
    </nav>
  );
}
