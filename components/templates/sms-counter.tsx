"use client";
import { countSmsSegments, type TSmsCount } from "@/lib/templates/sms-segments";
import { cn } from "@/lib/utils";

const describe = (c: TSmsCount) =>
  `${c.characters} characters · ${c.encoding} · ${c.segments} ${c.segments === 1 ? "segment" : "segments"}`;

/**
 * "N characters · GSM-7 · M segments" for the text as typed, naming the characters that force
 * UCS-2; and, when the preview has one, the count of the personalised text, which is what is billed.
 */
export function SmsCounter({ text, rendered }: { text: string; rendered: string | null }) {
  const c = countSmsSegments(text);
  const r = rendered !== null && rendered !== text ? countSmsSegments(rendered) : null;
  const shown = c.nonGsmCharacters
    .map((ch) => (ch === "\u00a0" ? "non-breaking space" : ch.trim() ? ch : JSON.stringify(ch)))
    .join(" ");
  return (
    <div className="mt-1 text-xs" data-testid="sms-counter">
      <p className={cn("tabular-nums", c.segments > 1 ? "text-amber-700" : "text-slate-600")}>
        {describe(c)}
        <span className="text-slate-400"> · {c.remaining} left in this segment</span>
      </p>
      {c.encoding === "UCS-2" ? (
        <p className="text-amber-700">
          UCS-2 because of <span className="font-mono">{shown}</span>: a segment holds 70 characters
          instead of 160.
        </p>
      ) : null}
      {r ? (
        <p className="tabular-nums text-slate-500" data-testid="sms-counter-personalised">
          Personalised for the preview: {describe(r)}
        </p>
      ) : null}
    </div>
  );
}
