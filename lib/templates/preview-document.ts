/**
 * What an email preview iframe shows. The frame is sandboxed with `allow-scripts` and nothing else
 * (an opaque origin: no access to this app's cookies or DOM, no forms, popups or top navigation),
 * and the document itself forbids every script with a Content-Security-Policy, so an email's own
 * markup never runs. Why not a bare `sandbox=""`: Chrome then logs "Blocked script execution in
 * 'about:srcdoc'" each time a tool (DevTools, an extension, a Playwright trace) touches the frame,
 * on every view; those tools run outside the page's CSP, so with this pair the log stays quiet.
 */
const CSP = [
  "default-src 'none'",
  "script-src 'none'",
  "img-src http: https: data: cid:",
  "style-src 'unsafe-inline' http: https:",
  "font-src http: https: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
const META = `<meta http-equiv="Content-Security-Policy" content="${CSP}">`;

export const PREVIEW_SANDBOX = "allow-scripts";

/**
 * The HTML with the policy as its very first element: right after a leading doctype (before it
 * would mean quirks mode), else at the start. The parser puts it in the head it opens there; the
 * email's own `<html>` and `<head>` tags then merge into those. It is never placed by looking for
 * the email's `<head>`: one inside a comment or an attribute would leave the policy out.
 */
export function previewDocument(html: string): string {
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? doctype[0] + META + html.slice(doctype[0].length) : META + html;
}
