import { useTranslations } from "next-intl";
import { PhoneFrame } from "./phone-frame";

export function SmsPreview({ sms }: { sms: { body: string; senderId?: string } }) {
  const t = useTranslations("templates.sms.preview");
  return (
    <PhoneFrame>
      <div className="flex h-full flex-col bg-white">
        <div className="border-b border-slate-100 bg-slate-50 px-4 pb-2 pt-7 text-center">
          <span className="mx-auto mb-1 flex size-9 items-center justify-center rounded-full bg-slate-300 text-sm font-semibold text-white">
            {(sms.senderId ?? "S").slice(0, 1).toUpperCase()}
          </span>
          <p className="text-xs font-medium text-slate-700">{sms.senderId ?? t("defaultSender")}</p>
        </div>
        <div className="flex-1 space-y-1 p-3">
          <p className="text-center text-[10px] text-slate-400">{t("thread")}</p>
          <p
            className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-bl-sm bg-slate-200 px-3 py-2 text-sm text-slate-900"
            data-testid="sms-bubble"
          >
            {sms.body}
          </p>
        </div>
      </div>
    </PhoneFrame>
  );
}
