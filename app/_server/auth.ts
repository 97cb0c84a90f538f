import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { findUserById } from "@/db/queries/users";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { authConfig } from "./auth-config";

export const { handlers, auth, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials) => authenticateUser(credentials),
    }),
  ],
});

/** The signed-in user, re-read from the database so a deleted account loses access at once. */
export const currentUser = cache(async () => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return findUserById(id);
});
