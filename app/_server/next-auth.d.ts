import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** The user's session version when signed in (lib/auth/session-user.ts). */
    sessionVersion?: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** Session version at sign-in; compared with the user's on every request. */
    sv?: number;
  }
}
