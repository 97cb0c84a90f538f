/**
 * Outbound traffic to addresses users configure must go through lib/net (the guarded client that
 * refuses private, loopback and metadata destinations). This finds the ways around it in server
 * code: the global `fetch`, node's socket and HTTP modules, undici, and nodemailer transports that
 * open their own sockets.
 */
export type TOutboundViolation = { file: string; line: number; what: string };

/** Where raw network access is the point, or goes only to the app itself. */
const EXEMPT: { prefix: string; why: string }[] = [
  { prefix: "lib/net/", why: "the guarded client itself" },
  // The local executor calls the app's own /api/inngest at WAYMARK_INTERNAL_URL, set by the operator.
  { prefix: "lib/local-executor/", why: "calls the app itself" },
  // Browser code: fetch from the page goes to the app's own routes, under the page's CSP.
  { prefix: "components/", why: "runs in the browser" },
  { prefix: "lib/http/api-fetch.ts", why: "runs in the browser" },
];

const NET_MODULES = /^(node:)?(http|https|http2|net|tls|dgram)$|^undici$/;

function isScanned(file: string, source: string): boolean {
  if (/\.test\.tsx?$/.test(file) || file.includes("/testing/")) return false;
  if (EXEMPT.some((e) => file.startsWith(e.prefix))) return false;
  return !/^\s*["']use client["']/.test(source);
}

export function outboundViolations(file: string, source: string): TOutboundViolation[] {
  if (!isScanned(file, source)) return [];
  const out: TOutboundViolation[] = [];
  const lines = source.split("\n");
  lines.forEach((text, i) => {
    const line = i + 1;
    const code = text.replace(/\/\/.*$/, "");
    if (/(^|[^.\w])fetch\s*\(/.test(code) || /globalThis\.fetch\b/.test(code))
      out.push({ file, line, what: "global fetch (use guardedFetch from lib/net)" });
    const imp = /^\s*import\s+(type\s+)?(.*?)\s+from\s+["']([^"']+)["']/.exec(code);
    if (imp && !imp[1] && NET_MODULES.test(imp[3]!)) {
      // Types and constants carry no connection; anything else may open one.
      const names = imp[2]!
        .replace(/[{}]/g, "")
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean);
      const values = names.filter((n) => !n.startsWith("type ") && n !== "constants");
      if (values.length)
        out.push({ file, line, what: `${imp[3]} (${values.join(", ")}): use lib/net` });
    }
    if (/require\(\s*["'](node:)?(http|https|http2|net|tls|undici)["']\s*\)/.test(code))
      out.push({ file, line, what: "require of a network module: use lib/net" });
  });
  if (/createTransport\s*\(/.test(source) && !/getSocket\s*:/.test(source)) {
    const line = lines.findIndex((l) => /createTransport\s*\(/.test(l)) + 1;
    out.push({ file, line, what: "nodemailer transport without the guarded getSocket" });
  }
  return out;
}
