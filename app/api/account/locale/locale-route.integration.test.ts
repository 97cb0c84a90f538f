import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findUserById, insertUser } from "@/db/queries/users";
import { useTestDb } from "@/db/testing/test-db";
import { findSessionUser, type TSessionClaims } from "@/lib/auth/session-user";
import { PUT } from "./route";

/** The real route on the real database; the session is the only stand-in (as Auth.js decodes it). */
let presented: TSessionClaims | null = null;
vi.mock("@/app/_server/auth", () => ({
  currentUser: () => (presented ? findSessionUser(presented) : Promise.resolve(null)),
}));

let close: () => Promise<void>;
let userId: string;

beforeAll(async () => {
  ({ close } = await useTestDb());
  const u = await insertUser({ email: "lan@example.com", name: "Lan", passwordHash: "x" });
  userId = u.id;
}, 180_000);
afterAll(() => close());

const put = (body: unknown) =>
  PUT(
    new NextRequest("http://localhost/api/account/locale", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );

describe("PUT /api/account/locale", () => {
  it("needs a session", async () => {
    presented = null;
    expect((await put({ locale: "vi" })).status).toBe(401);
  });

  it("stores the language on the account and mirrors it in a cookie", async () => {
    presented = { userId, sessionVersion: 0 };
    const res = await put({ locale: "vi" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ locale: "vi" });
    expect(res.headers.get("set-cookie")).toMatch(/waymark_locale=vi/);
    expect((await findUserById(userId))?.locale).toBe("vi");
    expect((await findSessionUser(presented))?.locale).toBe("vi");
  });

  it("goes back to following the browser with null, and refuses unknown languages", async () => {
    presented = { userId, sessionVersion: 0 };
    expect((await put({ locale: null })).status).toBe(200);
    expect((await findUserById(userId))?.locale).toBeNull();
    const bad = await put({ locale: "fr" });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields)).toEqual(["locale"]);
    expect((await findUserById(userId))?.locale).toBeNull();
  });
});
