"use client";
import { useLocale, useTranslations } from "next-intl";
import { Eye, RotateCcw, X } from "lucide-react";
import { Button } from "@/components/ui/button";

type Props = {
  version: number;
  live: boolean;
  publishedAt: string;
  publishedBy: string | null;
  canRestore: boolean;
  busy: boolean;
  onRestore: () => void;
  onClose: () => void;
};

/** Says which published version the canvas shows, read-only, with the way back and the way to restore it. */
export function VersionBanner({
  version,
  live,
  publishedAt,
  publishedBy,
  canRestore,
  busy,
  onRestore,
  onClose,
}: Props) {
  const t = useTranslations("journeys.editor");
  const locale = useLocale();
  return (
    <div
      className="flex items-center gap-3 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900"
      role="status"
      data-testid="version-banner"
    >
      <Eye className="size-4 shrink-0" aria-hidden />
      <span className="min-w-0 flex-1">
        {t(live ? "viewingLiveVersion" : "viewingVersion", { n: version })}
        <span className="text-amber-700">
          {" · "}
          {t(publishedBy ? "publishedAtBy" : "publishedAt", {
            at: new Date(publishedAt).toLocaleString(locale),
            by: publishedBy ?? "",
          })}
        </span>
      </span>
      {canRestore ? (
        <Button
          size="sm"
          variant="outline"
          className="h-7 bg-white"
          disabled={busy}
          data-mutates
          onClick={onRestore}
        >
          <RotateCcw /> {t("restoreAsDraft")}
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" className="h-7" onClick={onClose}>
        <X /> {t("backToDraft")}
      </Button>
    </div>
  );
}
