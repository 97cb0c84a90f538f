/**
 * SMS length as a phone network counts it. Text that fits the GSM 03.38 alphabet travels as GSM-7:
 * 160 septets in one message, 153 per part once split (the rest is the concatenation header);
 * the extension characters (`€ [ ] { } ^ ~ | \` and form feed) take an escape septet, so count 2.
 * Anything else forces UCS-2 (UTF-16): 70 code units, 67 per part; an emoji outside the BMP is a
 * surrogate pair, 2 units, and a part never splits a pair or an escape sequence.
 */
const GSM7_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM7_EXTENSION = new Set("\f^{}\\[~]|€");

export type TSmsEncoding = "GSM-7" | "UCS-2";
export type TSmsCount = {
  encoding: TSmsEncoding;
  /** Characters as a person counts them (code points). */
  characters: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  segments: number;
  /** Units per segment at this length: 160/70 for one, 153/67 once split. */
  perSegment: number;
  /** Units left in the last segment before another one starts. */
  remaining: number;
  /** Characters that forced UCS-2, for the editor to point at. */
  nonGsmCharacters: string[];
};

export function countSmsSegments(text: string): TSmsCount {
  const chars = Array.from(text);
  const nonGsm = [...new Set(chars.filter((c) => !GSM7_BASIC.has(c) && !GSM7_EXTENSION.has(c)))];
  const gsm = nonGsm.length === 0;
  const sizes = chars.map((c) => (gsm ? (GSM7_EXTENSION.has(c) ? 2 : 1) : c.length));
  const units = sizes.reduce((a, b) => a + b, 0);
  const single = gsm ? 160 : 70;
  const multi = gsm ? 153 : 67;
  const base = {
    encoding: (gsm ? "GSM-7" : "UCS-2") as TSmsEncoding,
    characters: chars.length,
    units,
    nonGsmCharacters: nonGsm,
  };
  if (units === 0) return { ...base, segments: 0, perSegment: single, remaining: single };
  if (units <= single)
    return { ...base, segments: 1, perSegment: single, remaining: single - units };
  // Packed part by part, as the handset splits: a 2-unit character never straddles two parts.
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > multi) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { ...base, segments, perSegment: multi, remaining: multi - used };
}
