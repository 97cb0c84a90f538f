/**
 * The browser-side defences every response carries. Pages get a per-request nonce CSP from
 * proxy.ts (Next puts the nonce on its own inline scripts when it finds it in the request's CSP
 * header); API routes and static files get the fixed headers from next.config.ts.
 */

export type TCspOptions = { nonce: string; dev: boolean };

/**
 * Scripts: only the app's own files and inline scripts carrying this request's nonce, so injected
 * markup cannot run script. Styles allow inline (React and React Flow set style attributes, which
 * a nonce cannot cover). Images, styles and fonts from http(s) are allowed because email previews
 * (srcdoc frames, which inherit this policy) show a template's remote images and fonts.
 * Nothing may frame a page (clickjacking; the unsubscribe page above all).
 */
export function contentSecurityPolicy({ nonce, dev }: TCspOptions): string {
  return [
    "default-src 'self'",
    // React's dev build evaluates code for its debugging tools; never in production.
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline' http: https:",
    "img-src 'self' data: blob: cid: http: https:",
    "font-src 'self' data: http: https:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API answers are data, never documents: nothing loads from them and nothing frames them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Headers every response carries (next.config.ts), pages and API alike. */
export function staticSecurityHeaders(production: boolean): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // For browsers that predate frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    // Browsers honour HSTS only over HTTPS, so plain-HTTP e2e runs are unaffected.
    ...(production
      ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
      : []),
  ];
}
