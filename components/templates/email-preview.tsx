"use client";
import { Monitor, Smartphone } from "lucide-react";
import { useTranslations } from "next-intl";
import { Tabs } from "radix-ui";
import { useState } from "react";
import { cn } from "@/lib/utils";
import { SegmentedToggle } from "./segmented-toggle";
import { PREVIEW_SANDBOX, previewDocument } from "@/lib/templates/preview-document";

const tab =
  "rounded px-2.5 py-1 text-xs font-medium text-slate-600 data-[state=active]:bg-white data-[state=active]:text-slate-900 data-[state=active]:shadow-sm";

/**
 * The rendered email as an inbox would show it: the subject line and preheader, then the HTML in
 * a sandboxed frame (no scripts, no same-origin access) at desktop or phone width, or the text part.
 */
export function EmailPreview({
  email,
  from,
}: {
  email: { subject: string; preheader: string; html: string; text: string };
  from: string;
}) {
  const t = useTranslations("templates.preview");
  const [width, setWidth] = useState<"desktop" | "mobile">("desktop");
  return (
    <Tabs.Root defaultValue="html">
      <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-2">
        <Tabs.List
          aria-label={t("emailPart")}
          className="inline-flex rounded-md border border-slate-200 bg-slate-50 p-0.5"
        >
          <Tabs.Trigger value="html" className={tab}>
            {t("html")}
          </Tabs.Trigger>
          <Tabs.Trigger value="text" className={tab}>
            {t("plainText")}
          </Tabs.Trigger>
        </Tabs.List>
        <SegmentedToggle
          label={t("width")}
          value={width}
          onChange={setWidth}
          options={[
            { value: "desktop", label: t("desktop"), icon: <Monitor aria-hidden /> },
            { value: "mobile", label: t("mobile"), icon: <Smartphone aria-hidden /> },
          ]}
        />
      </div>
      <div
        className="flex items-start gap-3 border-b border-slate-100 px-4 py-3"
        data-testid="inbox-row"
      >
        <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700">
          {from.slice(0, 1).toUpperCase()}
        </span>
        <div className="min-w-0">
          <p className="text-sm font-semibold text-slate-900">{from}</p>
          <p className="truncate text-sm">
            <span className="font-medium text-slate-900" data-testid="preview-subject">
              {email.subject}
            </span>
            {email.preheader ? (
              <span className="text-slate-500" data-testid="preview-preheader">
                {" "}
                — {email.preheader}
              </span>
            ) : null}
          </p>
        </div>
      </div>
      <Tabs.Content value="html" className="bg-slate-100 p-3">
        <div
          className={cn(
            "mx-auto overflow-hidden bg-white shadow-sm transition-[width] duration-300",
            width === "mobile"
              ? "w-[375px] rounded-[1.75rem] border-[10px] border-slate-800"
              : "w-full rounded-md",
          )}
        >
          <iframe
            title={t("emailFrame")}
            sandbox={PREVIEW_SANDBOX}
            srcDoc={previewDocument(email.html)}
            className={cn("block w-full", width === "mobile" ? "h-[640px]" : "h-[680px]")}
          />
        </div>
      </Tabs.Content>
      <Tabs.Content value="text" className="p-4">
        <pre
          className="max-h-[680px] overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 p-4 font-mono text-xs text-slate-800"
          data-testid="preview-text"
        >
          {email.text}
        </pre>
      </Tabs.Content>
    </Tabs.Root>
  );
}
