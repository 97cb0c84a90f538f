"use client";
import { countSmsSegments } from "@/lib/templates/sms-segments";
import { cn } from "@/lib/utils";

/** "N characters · GSM-7 · M segments", naming the characters that force UCS-2. */
export function SmsCounter({ text, note }: { text: string; note?: string }) {
  const c = countSmsSegments(text);
  const shown = c.nonGsmCharacters.map((ch) => (ch === " " ? "non-breaking space" : ch.trim() ? ch : JSON.stringify(ch))).join(" ");
  return (
    <div className="mt-1 text-xs" data-testid="sms-counter">
      <p className={cn("tabular-nums", c.segments > 1 ? "text-amber-700" : "text-slate-600")}>
        {c.characters} characters · {c.encoding} · {c.segments} {c.segments === 1 ? "segment" : "segments"}
        <span className="text-slate-400"> · {c.remaining} left in this segment</span>
      </p>
      {c.encoding === "UCS-2" ? (
        <p className="text-amber-700">
          UCS-2 because of <span className="font-mono">{shown}</span>: a segment holds 70 characters instead of 160.
        </p>
      ) : null}
      {note ? <p className="text-slate-400">{note}</p> : null}
    </div>
  );
}
