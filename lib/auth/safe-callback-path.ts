/** A placeholder origin: only whether a value stays on it matters, never the name itself. */
const SELF = "http://waymark.invalid";

/**
 * Where to go after signing in: the path, query and hash of `value` when it resolves to this
 * site, else "/". Resolving (instead of checking the first characters) is what browsers do, so
 * `/\evil.com`, `/\t/evil.com`, `//evil.com` and `https:evil.com` all count as leaving the site.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value === "") return "/";
  let url: URL;
  try {
    url = new URL(value, `${SELF}/`);
  } catch {
    return "/";
  }
  if (url.origin !== SELF) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
