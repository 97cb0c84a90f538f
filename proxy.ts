import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "@/app/_server/auth-config";
import { contentSecurityPolicy } from "@/lib/security/security-headers";

const { auth } = NextAuth(authConfig);
// `/t/` and `/u/` are the tracking and unsubscribe links inside messages, opened by contacts.
const PUBLIC_PAGES = ["/sign-in", "/sign-up", "/invite/", "/t/", "/u/", "/waymark-inapp.js"];

/**
 * A fresh nonce per request, in the request's CSP header (where Next finds it and puts it on its
 * inline scripts) and in the response's. Every page renders dynamically (app/layout.tsx), so no
 * cached page carries a stale nonce.
 */
function withCsp(req: NextRequest, respond: (headers: Headers) => NextResponse): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  const res = respond(headers);
  res.headers.set("content-security-policy", csp);
  return res;
}

// Pages only: API routes answer 401 themselves (app/_server/with-workspace.ts), and every page
// checks membership again on the server, so this is the friendly redirect, not the gate.
export default auth((req) =>
  withCsp(req, (headers) => {
    const { pathname, search } = req.nextUrl;
    if (req.auth || PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(p)))
      return NextResponse.next({ request: { headers } });
    const url = new URL("/sign-in", req.nextUrl);
    if (pathname !== "/") url.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(url);
  }),
);

// `/v1/checkpoint` is Inngest's checkpoint API: in local mode the SDK's own fetch answers it in
// process (lib/local-executor/checkpoint-fetch.ts); a redirect to /sign-in here would look like a
// stored checkpoint to the SDK, so it is never redirected (a 404 makes the SDK fall back instead).
export const config = {
  matcher: [
    "/((?!api/|v1/checkpoint|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|txt)$).*)",
  ],
};
