import { useTranslations } from "next-intl";
import type { z } from "zod";
import type { ZEmailContent } from "@/lib/messages/log/message-content";
import { EmailHtmlPreview } from "./email-preview";

/** The header's own name, the same in every language. */
const REPLY_TO = "Reply-To";

export function EmailContent({ content: c }: { content: z.infer<typeof ZEmailContent> }) {
  const t = useTranslations("messages.email");
  const headers = Object.entries(c.headers);
  return (
    <div className="space-y-4" data-testid="email-content">
      <div>
        <h3 className="text-lg font-semibold text-slate-900" data-testid="email-subject">
          {c.subject || <span className="italic text-slate-400">{t("noSubject")}</span>}
        </h3>
        <dl className="mt-2 grid grid-cols-[4.5rem_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-500">{t("from")}</dt>
          <dd className="break-all text-slate-800">{c.from || "—"}</dd>
          <dt className="text-slate-500">{t("to")}</dt>
          <dd className="break-all text-slate-800">{c.to || "—"}</dd>
          {c.replyTo ? (
            <>
              <dt className="text-slate-500">{REPLY_TO}</dt>
              <dd className="break-all text-slate-800">{c.replyTo}</dd>
            </>
          ) : null}
        </dl>
      </div>
      {c.html ? (
        <EmailHtmlPreview html={c.html} subject={c.subject} />
      ) : (
        <p className="text-sm text-slate-500">{t("noHtml")}</p>
      )}
      <div>
        <p className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">
          {t("plainText")}
        </p>
        {c.text ? (
          <pre
            className="max-h-72 overflow-auto whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-sans text-sm text-slate-700"
            tabIndex={0}
            data-testid="email-text"
          >
            {c.text}
          </pre>
        ) : (
          <p className="text-sm text-slate-500">{t("noText")}</p>
        )}
      </div>
      {headers.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-600">
            {t("headers", { count: headers.length })}
          </summary>
          <dl className="mt-2 space-y-1 font-mono text-xs">
            {headers.map(([k, v]) => (
              <div key={k} className="break-all">
                <dt className="inline text-slate-500">{k}: </dt>
                <dd className="inline text-slate-700">{v}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </div>
  );
}
