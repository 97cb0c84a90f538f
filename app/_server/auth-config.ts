import type { NextAuthConfig } from "next-auth";
import { authSecrets } from "@/lib/crypto/app-secret";
import { log } from "@/lib/log/logger";

export const SESSION_MAX_AGE_S = 30 * 24 * 3600;

/** The part of the Auth.js config that needs no database, shared by proxy.ts and the full config. */
export const authConfig = {
  // The first signs new sessions; every one opens them (AUTH_SECRET_PREVIOUS during a rotation).
  secret: authSecrets(),
  // Self-hosted behind whatever proxy the team runs: take the Host header as the app's URL.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in" },
  // A wrong password is an answer, not a server error: keep it out of the error log.
  logger: {
    error(error) {
      // `type`, not `name`: the production bundle minifies class names (`name` is then "_").
      const type = (error as { type?: string }).type ?? error.name;
      if (type !== "CredentialsSignin") log.error("auth: error", { err: error });
    },
  },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        // Fixed at sign-in and carried on every refresh: "sign out everywhere" bumps the user's.
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = token.sv;
      return session;
    },
  },
} satisfies NextAuthConfig;
