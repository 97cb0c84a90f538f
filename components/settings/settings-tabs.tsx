"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const TABS = [
  { href: "", label: "General" },
  { href: "/members", label: "Members" },
  { href: "/api-keys", label: "API keys" },
  { href: "/api", label: "API" },
  // Admin-only: the page itself answers 404 to other roles.
  { href: "/channels", label: "Channels", admin: true },
  { href: "/campaigns", label: "Campaigns", admin: true },
  { href: "/data", label: "Data", admin: true },
  // The instance's health, queue and providers (operators only; lib/operators/is-operator.ts).
  { href: "/system", label: "System", admin: true },
];

export function SettingsTabs({ slug, admin }: { slug: string; admin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="mb-6 flex gap-1 border-b border-slate-200">
      {TABS.filter((t) => admin || !t.admin).map((t) => {
        const href = `/w/${slug}/settings${t.href}`;
        const active = pathname === href;
        return (
          <Link
            key={t.href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              active
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
