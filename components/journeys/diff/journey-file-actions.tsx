"use client";
import { useTranslations } from "next-intl";
import { Download, GitCompare } from "lucide-react";
import Link from "next/link";

/**
 * The journey as a definitions file, and the diff view, beside the versions button: icon links,
 * so the editor's toolbar stays as it is.
 */
export function JourneyFileActions({ slug, journeyId }: { slug: string; journeyId: string }) {
  const t = useTranslations("journeyDiff");
  const link =
    "inline-flex size-8 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900";
  return (
    <span className="inline-flex items-center">
      <a
        href={`/api/w/${slug}/definitions?kind=journey&id=${journeyId}`}
        download
        className={link}
        aria-label={t("download")}
        title={t("download")}
        data-testid="download-definition"
      >
        <Download className="size-4" aria-hidden />
      </a>
      <Link
        href={`/w/${slug}/journeys/${journeyId}/diff`}
        className={link}
        aria-label={t("open")}
        title={t("open")}
        data-testid="open-diff"
      >
        <GitCompare className="size-4" aria-hidden />
      </Link>
    </span>
  );
}
