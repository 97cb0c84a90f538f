import type { NextRequest } from "next/server";
import { handlers, SIGN_IN_LIMITED_CODES } from "@/app/_server/auth";

export const { GET } = handlers;

/**
 * Auth.js answers a refused sign-in with 200 and the reason in a URL; a rate-limited or
 * too-busy one is answered 429 here instead (same body, so next-auth's client still reads its
 * `code`), which is what clients, proxies and monitoring expect.
 */
export async function POST(req: NextRequest): Promise<Response> {
  const res = await handlers.POST(req);
  if (!req.nextUrl.pathname.endsWith("/callback/credentials")) return res;
  const redirect = res.headers.get("location") ?? (await readUrl(res.clone()));
  const code = redirect ? new URL(redirect, req.nextUrl).searchParams.get("code") : null;
  if (!code || !(SIGN_IN_LIMITED_CODES as readonly string[]).includes(code)) return res;
  const headers = new Headers(res.headers);
  headers.delete("location");
  headers.set("retry-after", code === "busy" ? "1" : "30");
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify({ url: redirect, error: { code } }), { status: 429, headers });
}

async function readUrl(res: Response): Promise<string | null> {
  try {
    const body = (await res.json()) as { url?: unknown };
    return typeof body.url === "string" ? body.url : null;
  } catch {
    return null;
  }
}
