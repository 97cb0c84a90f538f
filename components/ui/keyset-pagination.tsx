import { useTranslations } from "next-intl";
import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** Newer/older pages by cursor: there are no page numbers, so page 2,000 is as fast as page 1. */
export function KeysetPagination({
  newerHref,
  olderHref,
  label,
  newerText,
  olderText,
}: {
  newerHref: string | null;
  olderHref: string | null;
  label: string;
  newerText?: string;
  olderText?: string;
}) {
  const t = useTranslations("common");
  if (!newerHref && !olderHref) return null;
  const link = (href: string | null, children: React.ReactNode, rel: string) =>
    href ? (
      <Button asChild variant="outline" size="sm">
        <Link href={href} rel={rel}>
          {children}
        </Link>
      </Button>
    ) : (
      <Button variant="outline" size="sm" disabled>
        {children}
      </Button>
    );
  return (
    <nav aria-label={label} className="flex items-center justify-end gap-2 px-5 py-3">
      {link(
        newerHref,
        <>
          <ChevronLeft /> {newerText ?? t("previous")}
        </>,
        "prev",
      )}
      {link(
        olderHref,
        <>
          {olderText ?? t("next")} <ChevronRight />
        </>,
        "next",
      )}
    </nav>
  );
}
