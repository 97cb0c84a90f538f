import { NextRequest } from "next/server";
import { decode, encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { deleteMember, setMemberRole } from "@/db/queries/members";
import { insertUser } from "@/db/queries/users";
import { insertMembership } from "@/db/queries/workspaces";
import { useTestDb } from "@/db/testing/test-db";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { hashPassword } from "@/lib/auth/password";
import { findSessionUser, signOutEverywhere, type TSessionClaims } from "@/lib/auth/session-user";
import type { TPermission } from "@/lib/auth/roles";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { authConfig } from "./auth-config";
import { withWorkspace } from "./with-workspace";

/**
 * Sessions end when they should, not when their JWT expires: the real `withWorkspace` wrapper on
 * the real database, with the session cookie's claims as Auth.js would decode them (the only
 * stand-in: the cookie decode itself, which the Auth.js tests below cover with the real library).
 */
let presented: TSessionClaims | null = null;
vi.mock("@/app/_server/auth", () => ({
  currentUser: () => (presented ? findSessionUser(presented) : Promise.resolve(null)),
}));

let close: () => Promise<void>;
let slug: string;
let wsId: string;
let adaId: string;
let bobId: string;
const PASSWORD = "correct horse battery staple";

beforeAll(async () => {
  ({ close } = await useTestDb());
  const hash = await hashPassword(PASSWORD);
  const ada = await insertUser({ email: "ada@example.com", name: "Ada", passwordHash: hash });
  const bob = await insertUser({ email: "bob@example.com", name: "Bob", passwordHash: hash });
  adaId = ada.id;
  bobId = bob.id;
  const ws = await createWorkspace({ name: "Sessions", timezone: "UTC", ownerId: ada.id });
  slug = ws.slug;
  wsId = ws.id;
  await insertMembership({ workspaceId: ws.id, userId: bob.id, role: "marketer" });
});
afterAll(() => close());

/** Signs in with the password, as the credentials provider does: the claims the cookie gets. */
async function signIn(email: string): Promise<TSessionClaims> {
  const user = await authenticateUser({ email, password: PASSWORD });
  if (!user) throw new Error("sign-in failed");
  const token = await authConfig.callbacks.jwt({ token: {}, user } as never);
  return { userId: token.sub!, sessionVersion: token.sv };
}

/** One request with the given session to a route needing `permission`: its status. */
async function statusOf(claims: TSessionClaims | null, permission: TPermission) {
  presented = claims;
  const route = withWorkspace<{ workspace: string }>(permission, async () =>
    Response.json({ ok: true }),
  );
  const res = await route(new NextRequest(`http://app.test/api/w/${slug}/probe`), {
    params: Promise.resolve({ workspace: slug }),
  });
  return res.status;
}

describe("sign out everywhere", () => {
  it("ends every session issued before at once, leaves other users' alone, and lets a new sign-in in", async () => {
    const laptop = await signIn("ada@example.com");
    const phone = await signIn("ada@example.com");
    const bobs = await signIn("bob@example.com");
    expect(await statusOf(laptop, "manage")).toBe(200);

    expect(await signOutEverywhere(adaId)).toBe(true);
    // The stolen or forgotten sessions: refused on their very next request, not at JWT expiry.
    expect(await statusOf(laptop, "read")).toBe(401);
    expect(await statusOf(phone, "read")).toBe(401);
    // A token from before session versions carries none: it is as old as the first revocation.
    expect(await statusOf({ userId: adaId, sessionVersion: undefined }, "read")).toBe(401);
    // A number from the future is no better than one from the past.
    expect(await statusOf({ userId: adaId, sessionVersion: 99 }, "read")).toBe(401);
    expect(await statusOf(bobs, "read")).toBe(200);

    const fresh = await signIn("ada@example.com");
    expect(fresh.sessionVersion).toBe(1);
    expect(await statusOf(fresh, "manage")).toBe(200);
  });

  it("keeps the version a session was issued with when Auth.js refreshes the token", async () => {
    const jwt = authConfig.callbacks.jwt;
    const issued = await jwt({ token: {}, user: { id: "u", sessionVersion: 3 } } as never);
    const refreshed = await jwt({ token: { ...issued } } as never);
    expect(refreshed).toMatchObject({ sub: "u", sv: 3 });
    const session = authConfig.callbacks.session({
      session: { user: {} },
      token: refreshed,
    } as never) as { user: { id: string }; sessionVersion?: number };
    expect(session).toMatchObject({ user: { id: "u" }, sessionVersion: 3 });
  });
});

describe("membership changes take effect on the next request", () => {
  it("a demoted member loses the permission at once; a removed one loses the workspace at once", async () => {
    const bob = await signIn("bob@example.com");
    expect(await statusOf(bob, "edit")).toBe(200);
    await setMemberRole(wsId, bobId, "analyst");
    expect(await statusOf(bob, "edit")).toBe(403);
    expect(await statusOf(bob, "read")).toBe(200);
    await deleteMember(wsId, bobId);
    // The same, still-unexpired session: the workspace now looks like one that does not exist.
    expect(await statusOf(bob, "read")).toBe(404);
  });
});

describe("Auth.js session tokens across an AUTH_SECRET rotation", () => {
  const OLD = "old-secret-old-secret-old-secret-0001";
  const NEW = "new-secret-new-secret-new-secret-0002";
  const salt = "authjs.session-token";

  it("opens sessions signed with the previous secret during the rotation, and signs new ones with the new secret", async () => {
    const before = await encode({ token: { sub: "u", sv: 0 }, secret: OLD, salt });
    // AUTH_SECRET=NEW, AUTH_SECRET_PREVIOUS=OLD: the order authSecrets() gives Auth.js.
    expect(await decode({ token: before, secret: [NEW, OLD], salt })).toMatchObject({ sub: "u" });
    const during = await encode({ token: { sub: "u", sv: 0 }, secret: [NEW, OLD], salt });
    expect(await decode({ token: during, secret: NEW, salt })).toMatchObject({ sub: "u" });
  });

  it("refuses a session of the old secret once it is dropped, and a session of a secret never kept", async () => {
    const before = await encode({ token: { sub: "u" }, secret: OLD, salt });
    await expect(decode({ token: before, secret: [NEW], salt })).rejects.toThrow();
    const forged = await encode({
      token: { sub: "u" },
      secret: "attacker-secret-attacker-secret-0003",
      salt,
    });
    await expect(decode({ token: forged, secret: [NEW, OLD], salt })).rejects.toThrow();
  });
});
