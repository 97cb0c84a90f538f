"use client";
import { AlertTriangle, Loader2, PhoneCall } from "lucide-react";
import { useTranslations } from "next-intl";
import { useApiErrorText } from "@/components/app/use-api-error-text";
import { Card } from "@/components/ui/card";
import type { ApiError } from "@/lib/http/api-fetch";
import type { TRenderedContent } from "@/lib/templates/render-message";
import { EmailPreview } from "./email-preview";
import { InAppPreview } from "./in-app-preview";
import { PushPreview } from "./push-preview";
import { SmsPreview } from "./sms-preview";
import type { TPreviewResponse } from "./use-template-preview";
import { useSkipReasonText, useTemplateMessageText } from "./use-template-text";

function Rendered({
  content,
  workspaceName,
}: {
  content: TRenderedContent;
  workspaceName: string;
}) {
  const t = useTranslations("templates.preview");
  switch (content.channel) {
    case "email":
      return <EmailPreview email={content} from={workspaceName} />;
    case "sms":
      return (
        <div className="p-4">
          <SmsPreview sms={content} />
        </div>
      );
    case "push":
      return <PushPreview push={content} app={workspaceName} />;
    case "voice":
      return (
        <div className="space-y-3 p-4" data-testid="voice-preview">
          <p className="flex items-center gap-2 text-xs text-slate-500">
            <PhoneCall className="size-4" aria-hidden />{" "}
            <span>
              {t.rich("spokenBy", {
                voice: content.voice,
                language: content.language,
                b: (chunks) => <span className="font-medium text-slate-700">{chunks}</span>,
              })}
            </span>
          </p>
          <blockquote className="whitespace-pre-wrap rounded-md border-l-4 border-brand-500 bg-slate-50 p-4 text-sm text-slate-800">
            {content.speech}
          </blockquote>
        </div>
      );
    case "in_app":
      return <InAppPreview message={content} />;
    case "webhook":
      return (
        <pre
          className="m-4 max-h-[640px] overflow-auto rounded-md bg-slate-900 p-4 font-mono text-xs text-slate-100"
          data-testid="webhook-preview"
        >
          {JSON.stringify(content.payload, null, 2)}
        </pre>
      );
  }
}

function Notice({
  tone,
  title,
  children,
}: {
  tone: "amber" | "red" | "slate";
  title: string;
  children?: React.ReactNode;
}) {
  const colours = {
    amber: "bg-amber-50 text-amber-900",
    red: "bg-red-50 text-red-800",
    slate: "bg-slate-50 text-slate-600",
  }[tone];
  return (
    <div className={`m-4 rounded-md p-4 text-sm ${colours}`} role="status">
      <p className="flex items-center gap-2 font-medium">
        <AlertTriangle className="size-4" aria-hidden /> {title}
      </p>
      {children ? <div className="mt-1">{children}</div> : null}
    </div>
  );
}

/** What the server rendered for the sample, or why there is nothing to show. */
export function PreviewPanel({
  data,
  error,
  busy,
  workspaceName,
  header,
}: {
  data: TPreviewResponse | undefined;
  error: ApiError | null;
  busy: boolean;
  workspaceName: string;
  header: React.ReactNode;
}) {
  const t = useTranslations("templates.preview");
  const apiErrorText = useApiErrorText();
  const skipReason = useSkipReasonText();
  const messageText = useTemplateMessageText();
  let body: React.ReactNode;
  if (error)
    body = (
      <Notice tone="red" title={t("failed")}>
        {messageText(error.fields.sampleContactId) ?? apiErrorText(error)}
      </Notice>
    );
  else if (!data)
    body = <p className="p-10 text-center text-sm text-slate-500">{t("rendering")}</p>;
  else if (data.analysis?.errors.length)
    body = (
      <Notice tone="red" title={t("syntaxErrors")}>
        {t("syntaxErrorsHint")}
      </Notice>
    );
  else if (!data.rendered)
    body = (
      <Notice tone="amber" title={t("incomplete")}>
        {t("incompleteHint")}
      </Notice>
    );
  else if (!data.rendered.ok)
    body = (
      <Notice tone="amber" title={t("skipped")}>
        <span data-testid="skip-reason">{skipReason(data.rendered.issue)}</span>
        <p className="mt-1 text-xs">
          {t.rich("skippedHint", { code: (chunks) => <code>{chunks}</code> })}
        </p>
      </Notice>
    );
  else body = <Rendered content={data.rendered.content} workspaceName={workspaceName} />;
  return (
    <Card aria-busy={busy} data-testid="preview-panel">
      <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
          {t("title")}{" "}
          {busy ? (
            <Loader2 className="size-4 animate-spin text-slate-400" aria-label={t("updating")} />
          ) : null}
        </h2>
        {header}
      </div>
      {body}
    </Card>
  );
}
