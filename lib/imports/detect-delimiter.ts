export const DELIMITERS = [",", ";", "\t"] as const;
export type TDelimiter = (typeof DELIMITERS)[number];

/**
 * The delimiter of a CSV file from its header line: whichever of `,` `;` tab occurs most often
 * outside quotes. Spreadsheets in many European locales export `;`; TSV exports use tabs. A single
 * column (no delimiter at all) reads as `,`.
 */
export function detectDelimiter(text: string): TDelimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: TDelimiter = ",";
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
