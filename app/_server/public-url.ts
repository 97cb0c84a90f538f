import { env } from "@/lib/env";

/**
 * The app's public origin: APP_URL when set, else the host the browser used (Next's own request
 * URL names the host it bound to, which may not be the one people type).
 */
export function publicOrigin(headers: Headers, fallback?: URL): string {
  if (env.APP_URL) return env.APP_URL.replace(/\/$/, "");
  const host =
    headers.get("x-forwarded-host") ?? headers.get("host") ?? fallback?.host ?? "localhost";
  const proto =
    headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ??
    fallback?.protocol.replace(":", "") ??
    "http";
  return `${proto}://${host}`;
}

/** Absolute link for emails and copy buttons. */
export function publicUrl(req: Request, pathname: string): string {
  return new URL(pathname, publicOrigin(req.headers, new URL(req.url))).toString();
}
