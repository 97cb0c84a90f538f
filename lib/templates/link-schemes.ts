/**
 * Schemes a message may never carry, wherever a link or image goes: they run script in the page
 * that opens them (javascript:, vbscript:), or smuggle a whole document or file (data:, blob:,
 * file:). Browsers drop tabs, newlines and leading control characters in a URL before reading its
 * scheme (`java\tscript:` is javascript:), so the check does too.
 */
const FORBIDDEN_SCHEMES = new Set(["javascript", "vbscript", "data", "blob", "file", "about"]);

export function urlScheme(value: string): string | undefined {
  const cleaned = value.replace(/[\u0000-\u0020]/g, "");
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/**
 * A deep link: an app's own scheme (`myapp://orders/1`), an http(s) universal link, or a path
 * inside the app (`/orders/1`); never one of the forbidden schemes.
 */
export function isSafeDeepLink(value: string): boolean {
  const v = value.trim();
  if (!v) return false;
  const scheme = urlScheme(v);
  if (scheme === undefined) return v.startsWith("/") && !v.startsWith("//");
  return !FORBIDDEN_SCHEMES.has(scheme);
}

/** An image source in an email: http(s), or cid: for an attached image. */
export function isSafeImageSrc(value: string): boolean {
  const scheme = urlScheme(value);
  return scheme === "http" || scheme === "https" || scheme === "cid";
}

const IMG_SRC = /(<img\b[^>]*?\ssrc=")([^"]*)(")/gi;
const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) =>
    e === "amp" ? "&" : e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : "'",
  );

/**
 * Empties every image source of a personalised email that is not http(s) or cid: a Liquid value
 * can put `data:` or `javascript:` where the template had `{{ contact.avatar }}`.
 */
export function dropUnsafeImageSources(html: string): string {
  if (!html.includes("<img")) return html;
  return html.replace(IMG_SRC, (whole, start: string, src: string, end: string) =>
    isSafeImageSrc(decode(src)) ? whole : `${start}${end}`,
  );
}
