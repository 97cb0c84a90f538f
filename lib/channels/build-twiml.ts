/**
 * TwiML for a call that speaks one text. Plain text is escaped; SSML (`<speak>…</speak>`) keeps
 * the tags `<Say>` understands and escapes anything else, so speech can never end the `<Say>`
 * early and add verbs of its own (`<Dial>`, `<Redirect>`…).
 */

const SSML_TAGS = new Set([
  "break",
  "emphasis",
  "lang",
  "p",
  "phoneme",
  "prosody",
  "s",
  "say-as",
  "sub",
  "w",
  "amazon:effect",
  "amazon:domain",
]);

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Text between tags: `&` only stays raw when it starts a real entity. */
function escapeSsmlText(text: string): string {
  return text
    .replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))*)\s*(\/?)>/g;

export function ssmlInner(speech: string): string | null {
  const m = /^\s*<speak(?:\s[^>]*)?>([\s\S]*)<\/speak>\s*$/i.exec(speech);
  if (!m) return null;
  const inner = m[1] ?? "";
  let out = "";
  let last = 0;
  for (const tag of inner.matchAll(TAG)) {
    out += escapeSsmlText(inner.slice(last, tag.index));
    out += SSML_TAGS.has((tag[2] ?? "").toLowerCase()) ? tag[0] : escapeXml(tag[0]);
    last = tag.index + tag[0].length;
  }
  return out + escapeSsmlText(inner.slice(last));
}

export function buildSayTwiml(speech: string, voice: string, language: string): string {
  const content = ssmlInner(speech) ?? escapeXml(speech);
  return `<Response><Say voice="${escapeXml(voice)}" language="${escapeXml(language)}">${content}</Say></Response>`;
}
