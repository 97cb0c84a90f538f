import { findUserByEmail } from "@/db/queries/users";
import { hashPassword, verifyPassword } from "./password";
import { ZSignIn } from "./schemas";

// Hashing a throwaway password for unknown emails keeps the response time the same, so sign-in
// does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

export async function authenticateUser(
  credentials: unknown,
): Promise<{ id: string; email: string; name: string; sessionVersion: number } | null> {
  const parsed = ZSignIn.safeParse(credentials);
  if (!parsed.success) return null;
  const user = await findUserByEmail(parsed.data.email);
  if (!user) {
    dummyHash ??= hashPassword("not-a-real-password");
    await verifyPassword(parsed.data.password, await dummyHash);
    return null;
  }
  if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
