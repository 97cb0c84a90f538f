import type { z } from "zod";
import type { ZEmailContent } from "@/lib/messages/log/message-content";
import { EmailHtmlPreview } from "./email-preview";

export function EmailContent({ content: c }: { content: z.infer<typeof ZEmailContent> }) {
  const headers = Object.entries(c.headers);
  return (
    <div className="space-y-4" data-testid="email-content">
      <div>
        <h3 className="text-lg font-semibold text-slate-900" data-testid="email-subject">
          {c.subject || <span className="italic text-slate-400">No subject</span>}
        </h3>
        <dl className="mt-2 grid grid-cols-[4.5rem_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-500">From</dt>
          <dd className="break-all text-slate-800">{c.from || "—"}</dd>
          <dt className="text-slate-500">To</dt>
          <dd className="break-all text-slate-800">{c.to || "—"}</dd>
          {c.replyTo ? (
            <>
              <dt className="text-slate-500">Reply-To</dt>
              <dd className="break-all text-slate-800">{c.replyTo}</dd>
            </>
          ) : null}
        </dl>
      </div>
      {c.html ? (
        <EmailHtmlPreview html={c.html} subject={c.subject} />
      ) : (
        <p className="text-sm text-slate-500">No HTML part.</p>
      )}
      <div>
        <p className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">
          Plain text
        </p>
        {c.text ? (
          <pre
            className="max-h-72 overflow-auto whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-sans text-sm text-slate-700"
            data-testid="email-text"
          >
            {c.text}
          </pre>
        ) : (
          <p className="text-sm text-slate-500">No plain-text part.</p>
        )}
      </div>
      {headers.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-600">Headers ({headers.length})</summary>
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
