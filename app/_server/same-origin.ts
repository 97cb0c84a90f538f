import { env } from "@/lib/env";
import { errorJson } from "./http";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/** The hosts this app answers as: APP_URL's, and the one the request was sent to (via a proxy too). */
function ownHosts(req: Request): Set<string> {
  const hosts = new Set<string>();
  if (env.APP_URL) hosts.add(new URL(env.APP_URL).host.toLowerCase());
  const forwarded = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || req.headers.get("host") || new URL(req.url).host;
  hosts.add(host.toLowerCase());
  return hosts;
}

/**
 * Cookie-session mutations must come from Waymark's own pages. A browser says where a request
 * came from: `Sec-Fetch-Site` (every current browser) and `Origin` (on every non-GET fetch or
 * form). SameSite=Lax cookies and JSON-only bodies already stop classic CSRF; this also stops
 * a sibling subdomain (same-site, so Lax cookies flow) and any future route that forgets its
 * content type. A request with neither header is not from a browser, so it carries no victim's
 * cookie, and passes. Returns the 403 to answer, or null.
 */
export function crossSiteRefusal(req: Request): Response | null {
  if (SAFE_METHODS.has(req.method)) return null;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return refuse();
  const origin = req.headers.get("origin");
  if (origin !== null) {
    const host = hostOf(origin);
    if (!host || !ownHosts(req).has(host)) return refuse();
  }
  return null;
}

const refuse = () =>
  errorJson(403, "cross_site_request", "Changes must be made from Waymark's own pages");
