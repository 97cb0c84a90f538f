"use client";
import { useTranslations } from "next-intl";
import { countSmsSegments, type TSmsCount } from "@/lib/templates/sms-segments";
import { cn } from "@/lib/utils";

/**
 * "N characters · GSM-7 · M segments" for the text as typed, naming the characters that force
 * UCS-2; and, when the preview has one, the count of the personalised text, which is what is billed.
 */
export function SmsCounter({ text, rendered }: { text: string; rendered: string | null }) {
  const t = useTranslations("templates.sms.counter");
  const describe = (x: TSmsCount) =>
    t("summary", { characters: x.characters, encoding: x.encoding, segments: x.segments });
  const c = countSmsSegments(text);
  const r = rendered !== null && rendered !== text ? countSmsSegments(rendered) : null;
  const shown = c.nonGsmCharacters
    .map((ch) => (ch === "\u00a0" ? t("nbsp") : ch.trim() ? ch : JSON.stringify(ch)))
    .join(" ");
  return (
    <div className="mt-1 text-xs" data-testid="sms-counter">
      <p className={cn("tabular-nums", c.segments > 1 ? "text-amber-700" : "text-slate-600")}>
        {describe(c)}
        <span className="text-slate-400"> · {t("remaining", { count: c.remaining })}</span>
      </p>
      {c.encoding === "UCS-2" ? (
        <p className="text-amber-700">
          {t.rich("ucs2", {
            chars: shown,
            mono: (chunks) => <span className="font-mono">{chunks}</span>,
          })}
        </p>
      ) : null}
      {r ? (
        <p className="tabular-nums text-slate-500" data-testid="sms-counter-personalised">
          {t("personalised", { summary: describe(r) })}
        </p>
      ) : null}
    </div>
  );
}
