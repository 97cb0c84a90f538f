import NextAuth from "next-auth";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { PasswordHashingBusyError } from "@/lib/auth/password";
import { findSessionUser } from "@/lib/auth/session-user";
import { signInThrottled } from "@/lib/auth/sign-in-throttled";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { RateLimitedError } from "@/lib/rate-limit/throttle";
import { authConfig } from "./auth-config";

/** Sign-in codes that mean "not now" rather than "wrong": answered 429 by the auth route. */
export const SIGN_IN_LIMITED_CODES = ["rate_limited", "busy"] as const;

class SignInLimited extends CredentialsSignin {
  constructor(code: (typeof SIGN_IN_LIMITED_CODES)[number]) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, request) => {
        try {
          return await signInThrottled(credentials, clientIp(request.headers));
        } catch (err) {
          // Auth.js passes a CredentialsSignin's code to the client; the route turns it into 429.
          if (err instanceof RateLimitedError) throw new SignInLimited("rate_limited");
          if (err instanceof PasswordHashingBusyError) throw new SignInLimited("busy");
          throw err;
        }
      },
    }),
  ],
});

/**
 * The signed-in user, re-read from the database so a deleted account or a revoked session (sign
 * out everywhere) loses access at once.
 */
export const currentUser = cache(async () => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return findSessionUser({ userId: id, sessionVersion: session.sessionVersion });
});
