import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/app/_server/auth-config";

const { auth } = NextAuth(authConfig);
// `/t/` and `/u/` are the tracking and unsubscribe links inside messages, opened by contacts.
const PUBLIC_PAGES = ["/sign-in", "/sign-up", "/invite/", "/t/", "/u/", "/waymark-inapp.js"];

// Pages only: API routes answer 401 themselves (app/_server/with-workspace.ts), and every page
// checks membership again on the server, so this is the friendly redirect, not the gate.
export default auth((req) => {
  const { pathname, search } = req.nextUrl;
  if (req.auth || PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(p)))
    return NextResponse.next();
  const url = new URL("/sign-in", req.nextUrl);
  if (pathname !== "/") url.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(url);
});

// `/v1/checkpoint` is Inngest's checkpoint API: in local mode the SDK's own fetch answers it in
// process (lib/local-executor/checkpoint-fetch.ts); a redirect to /sign-in here would look like a
// stored checkpoint to the SDK, so it is never redirected (a 404 makes the SDK fall back instead).
export const config = {
  matcher: [
    "/((?!api/|v1/checkpoint|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|txt)$).*)",
  ],
};
