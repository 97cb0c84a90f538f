"use client";
import { Monitor, Smartphone } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { cn } from "@/lib/utils";
import { PREVIEW_SANDBOX, previewDocument } from "@/lib/templates/preview-document";

const WIDTHS = {
  desktop: { icon: Monitor, px: 640 },
  mobile: { icon: Smartphone, px: 375 },
} as const;
type TWidth = keyof typeof WIDTHS;
/** The format's name, the same in every language. */
const HTML = "HTML";

/**
 * The email's HTML as the recipient's client would lay it out, already disarmed on the server
 * (viewable-content.ts). The frame gets no forms, popups or same-origin access to this page and
 * its document forbids scripts (preview-document.ts), so it shows only layout and images.
 */
export function EmailHtmlPreview({ html, subject }: { html: string; subject: string }) {
  const t = useTranslations("messages.email");
  const [width, setWidth] = useState<TWidth>("desktop");
  return (
    <div>
      <div className="mb-2 flex items-center justify-between gap-2">
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{HTML}</p>
        <div
          role="group"
          aria-label={t("previewWidth")}
          className="inline-flex rounded-md border border-slate-200 bg-white p-0.5"
        >
          {(Object.keys(WIDTHS) as TWidth[]).map((w) => {
            const { icon: Icon } = WIDTHS[w];
            return (
              <button
                key={w}
                type="button"
                aria-pressed={width === w}
                onClick={() => setWidth(w)}
                className={cn(
                  "inline-flex items-center gap-1 rounded px-2 py-1 text-xs font-medium",
                  width === w ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-50",
                )}
              >
                <Icon className="size-3.5" aria-hidden="true" /> {t(w)}
              </button>
            );
          })}
        </div>
      </div>
      <div
        className="overflow-x-auto rounded-md border border-slate-200 bg-slate-100 p-3"
        tabIndex={0}
      >
        <iframe
          title={t("frameTitle", { subject: subject || t("noSubjectLower") })}
          sandbox={PREVIEW_SANDBOX}
          srcDoc={previewDocument(html)}
          data-width={width}
          style={{ width: WIDTHS[width].px }}
          className="mx-auto block h-[560px] max-w-none rounded bg-white shadow-sm transition-[width]"
        />
      </div>
    </div>
  );
}
