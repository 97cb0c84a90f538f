import { eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { users } from "@/db/schema";

export async function findUserByEmail(email: string, ex: Executor = db()) {
  const [user] = await ex.select().from(users).where(eq(users.email, email)).limit(1);
  return user ?? null;
}

export async function findUserById(id: string, ex: Executor = db()) {
  const [user] = await ex
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      sessionVersion: users.sessionVersion,
      locale: users.locale,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return user ?? null;
}

export async function insertUser(
  values: { email: string; name: string; passwordHash: string },
  ex: Executor = db(),
) {
  const [user] = await ex
    .insert(users)
    .values(values)
    .returning({ id: users.id, email: users.email, name: users.name });
  return user!;
}

export async function countUsers(ex: Executor = db()): Promise<number> {
  return ex.$count(users);
}

/** Ends every session of the user issued so far (lib/auth/sign-out-everywhere.ts). */
export async function bumpSessionVersion(id: string, ex: Executor = db()) {
  const [row] = await ex
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, id))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? null;
}

/** Stores the UI language a user chose; null goes back to following the browser. */
export async function updateUserLocale(id: string, locale: string | null, ex: Executor = db()) {
  const [row] = await ex
    .update(users)
    .set({ locale })
    .where(eq(users.id, id))
    .returning({ locale: users.locale });
  return row ?? null;
}
