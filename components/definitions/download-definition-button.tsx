"use client";
import { useTranslations } from "next-intl";
import { Download } from "lucide-react";
import { cn } from "@/lib/utils";
import type { TDefinitionKind } from "@/lib/definitions/definitions-format";

/**
 * Downloads a definitions file: one object with what it references, or (no `kind`) the whole
 * workspace. A plain link: the route answers the file as an attachment.
 */
export function DownloadDefinitionButton({
  slug,
  kind,
  id,
  className,
}: {
  slug: string;
  kind?: TDefinitionKind;
  id?: string;
  className?: string;
}) {
  const t = useTranslations("definitions");
  const query = kind && id ? `?kind=${kind}&id=${id}` : "";
  return (
    <a
      href={`/api/w/${slug}/definitions${query}`}
      download
      className={cn(
        "inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50",
        className,
      )}
      data-testid="download-definition"
    >
      <Download className="size-4" aria-hidden />
      {kind ? t("downloadOne") : t("downloadAll")}
    </a>
  );
}
