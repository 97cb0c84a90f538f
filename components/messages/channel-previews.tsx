import { Bell, ExternalLink, Phone } from "lucide-react";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import type {
  ZInAppContent,
  ZPushContent,
  ZSmsContent,
  ZVoiceContent,
  ZWebhookContent,
} from "@/lib/messages/log/message-content";

/** The webhook's HTTP method, the same in every language. */
const HTTP_METHOD = "POST";

const Meta = ({ items }: { items: [string, React.ReactNode][] }) => (
  <dl className="grid grid-cols-[5rem_1fr] gap-x-3 gap-y-1 text-sm">
    {items.map(([k, v]) => (
      <div key={k} className="contents">
        <dt className="text-slate-500">{k}</dt>
        <dd className="break-all text-slate-800">{v || "—"}</dd>
      </div>
    ))}
  </dl>
);

const Json = ({ value, testId }: { value: unknown; testId?: string }) => (
  <pre
    className="max-h-96 overflow-auto rounded-md bg-slate-900 px-4 py-3 text-xs text-slate-100"
    tabIndex={0}
    data-testid={testId}
  >
    {JSON.stringify(value, null, 2)}
  </pre>
);

export function SmsPreview({ content: c }: { content: z.infer<typeof ZSmsContent> }) {
  const t = useTranslations("messages.preview");
  return (
    <div className="space-y-4" data-testid="sms-content">
      <Meta
        items={[
          [t("to"), c.to],
          [t("from"), c.from ?? t("providerNumber")],
        ]}
      />
      <div className="mx-auto w-80 rounded-3xl border border-slate-200 bg-slate-50 px-4 py-6">
        <p className="mb-3 text-center text-xs text-slate-400">{t("textMessage")}</p>
        <p className="w-fit max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-bl-sm bg-slate-200 px-3 py-2 text-sm text-slate-900">
          {c.body}
        </p>
      </div>
      <p className="text-center text-xs text-slate-500">
        {t("characters", { count: [...c.body].length })}
      </p>
    </div>
  );
}

export function PushPreview({ content: c }: { content: z.infer<typeof ZPushContent> }) {
  const t = useTranslations("messages.preview");
  const data = Object.keys(c.data).length ? c.data : null;
  return (
    <div className="space-y-4" data-testid="push-content">
      <div className="mx-auto w-80 rounded-3xl bg-gradient-to-b from-slate-700 to-slate-900 px-3 pb-10 pt-8">
        <p className="mb-6 text-center text-3xl font-light text-white">9:41</p>
        <div className="rounded-2xl bg-white/90 p-3 shadow">
          <div className="flex items-center gap-2 text-xs text-slate-500">
            <span className="grid size-5 place-items-center rounded-md bg-brand-600 text-white">
              <Bell className="size-3" aria-hidden="true" />
            </span>
            <span className="flex-1 uppercase tracking-wide">{t("yourApp")}</span>
            <span>{t("now")}</span>
          </div>
          <p className="mt-1.5 text-sm font-semibold text-slate-900">{c.title}</p>
          <p className="text-sm text-slate-700">{c.body}</p>
          {c.imageUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- an arbitrary remote image, as the device would show it
            <img src={c.imageUrl} alt="" className="mt-2 max-h-40 w-full rounded-lg object-cover" />
          ) : null}
        </div>
      </div>
      <Meta
        items={[
          [t("devices"), c.targets.map((d) => `${d.platform} …${d.token.slice(-6)}`).join(", ")],
          [t("deepLink"), c.deepLink],
        ]}
      />
      {data ? <Json value={data} /> : null}
    </div>
  );
}

export function VoicePreview({ content: c }: { content: z.infer<typeof ZVoiceContent> }) {
  const t = useTranslations("messages.preview");
  const ssml = c.speech.trim().startsWith("<");
  return (
    <div className="space-y-4" data-testid="voice-content">
      <Meta
        items={[
          [t("to"), c.to],
          [t("from"), c.from ?? t("providerNumber")],
          [t("voice"), [c.voice, c.language].filter(Boolean).join(" · ")],
        ]}
      />
      <div className="flex gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
        <Phone className="mt-0.5 size-5 shrink-0 text-teal-600" aria-hidden="true" />
        <div className="min-w-0">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
            {ssml ? t("spokenSsml") : t("spoken")}
          </p>
          {ssml ? (
            <pre className="mt-1 whitespace-pre-wrap break-words font-mono text-xs text-slate-700">
              {c.speech}
            </pre>
          ) : (
            <p className="mt-1 whitespace-pre-wrap text-sm text-slate-800">{c.speech}</p>
          )}
        </div>
      </div>
    </div>
  );
}

export function InAppPreview({ content: c }: { content: z.infer<typeof ZInAppContent> }) {
  return (
    <div
      className="mx-auto w-96 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-md"
      data-testid="in-app-content"
    >
      {c.imageUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- an arbitrary remote image, as the app would show it
        <img src={c.imageUrl} alt="" className="max-h-48 w-full object-cover" />
      ) : null}
      <div className="p-4">
        <p className="font-semibold text-slate-900">{c.title}</p>
        <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{c.body}</p>
        {c.buttons.length ? (
          <div className="mt-4 flex flex-wrap gap-2">
            {c.buttons.map((b, i) => (
              <span
                key={i}
                title={b.value ?? b.action}
                className={
                  i === 0
                    ? "rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white"
                    : "rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700"
                }
              >
                {b.label}
              </span>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}

export function WebhookPreview({ content: c }: { content: z.infer<typeof ZWebhookContent> }) {
  const t = useTranslations("messages.preview");
  return (
    <div className="space-y-3" data-testid="webhook-content">
      <p className="flex items-center gap-2 text-sm text-slate-700">
        <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{HTTP_METHOD}</span>
        <span className="break-all font-mono text-xs">{c.url ?? t("configuredWebhook")}</span>
        <ExternalLink className="size-3.5 text-slate-400" aria-hidden="true" />
      </p>
      <Json value={c.payload ?? null} testId="webhook-payload" />
    </div>
  );
}
