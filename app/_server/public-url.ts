import { env } from "@/lib/env";

/** Absolute link for emails and copy buttons: APP_URL when set, else the host the request came to. */
export function publicUrl(req: Request, pathname: string): string {
  return new URL(pathname, env.APP_URL ?? new URL(req.url).origin).toString();
}
