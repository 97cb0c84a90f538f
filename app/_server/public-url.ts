import { env } from "@/lib/env";

/**
 * Absolute link for emails and copy buttons: APP_URL when set, else the host the browser used
 * (Next's own request URL names the host it bound to, which may not be the one people type).
 */
export function publicUrl(req: Request, pathname: string): string {
  if (env.APP_URL) return new URL(pathname, env.APP_URL).toString();
  const own = new URL(req.url);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? own.host;
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? own.protocol.replace(":", "");
  return new URL(pathname, `${proto}://${host}`).toString();
}
