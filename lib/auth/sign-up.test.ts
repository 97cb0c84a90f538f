import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { invites, memberships, users, workspaces } from "@/db/schema";
import { useTestDb } from "@/db/testing/test-db";
import { inviteMember } from "@/lib/members/invite-member";
import { authenticateUser } from "./authenticate-user";
import { SIGN_UP_REFUSED, signUp } from "./sign-up";

let close: () => Promise<void>;
beforeAll(async () => ({ close } = await useTestDb()));
afterAll(() => close());

const open = { signupMode: "open" as const };
const count = async () => ({
  users: await db().$count(users),
  workspaces: await db().$count(workspaces),
  memberships: await db().$count(memberships),
});

describe("sign-up", () => {
  it("creates the user and their own workspace, as admin", async () => {
    const r = await signUp(
      {
        name: "Ada",
        email: "ada@example.com",
        password: "purple monkey dishwasher",
        workspaceName: "Acme Inc.",
      },
      open,
    );
    expect(r.workspaceSlug).toBe("acme-inc");
    const [m] = await db().select().from(memberships).where(eq(memberships.userId, r.userId));
    expect(m?.role).toBe("admin");
    expect(
      await authenticateUser({ email: "ADA@example.com", password: "purple monkey dishwasher" }),
    ).toMatchObject({ email: "ada@example.com" });
    expect(
      await authenticateUser({ email: "ada@example.com", password: "wrong password!" }),
    ).toBeNull();
    expect(
      await authenticateUser({ email: "nobody@example.com", password: "purple monkey dishwasher" }),
    ).toBeNull();
  });

  it("gives a second workspace of the same name its own slug", async () => {
    const r = await signUp(
      {
        name: "Bob",
        email: "bob@example.com",
        password: "purple monkey dishwasher",
        workspaceName: "Acme Inc.",
      },
      open,
    );
    expect(r.workspaceSlug).toBe("acme-inc-2");
  });

  it("refuses a duplicate email without saying an account exists, and writes nothing", async () => {
    const before = await count();
    const refusal = await signUp(
      { name: "Ada 2", email: "ada@example.com", password: "another long pass" },
      open,
    ).catch((e: { status: number; message: string; fields: Record<string, string> }) => e);
    expect(refusal).toMatchObject({ status: 400, fields: { email: SIGN_UP_REFUSED } });
    expect(JSON.stringify(refusal)).not.toMatch(/exist/i);
    expect(await count()).toEqual(before);
  });

  it("signs the owner in when they sign up again with their own password", async () => {
    const before = await count();
    const r = await signUp(
      { name: "Ada", email: "ada@example.com", password: "purple monkey dishwasher" },
      open,
    );
    expect(r.workspaceSlug).toBe("acme-inc");
    expect(await count()).toEqual(before);
  });

  it("refuses open sign-up when the instance is invite-only", async () => {
    await expect(
      signUp(
        { name: "Eve", email: "eve@example.com", password: "purple monkey dishwasher" },
        { signupMode: "invite-only" },
      ),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("joins the invited workspace with the invited role, once", async () => {
    const ada = await authenticateUser({
      email: "ada@example.com",
      password: "purple monkey dishwasher",
    });
    const [ws] = await db().select().from(workspaces).where(eq(workspaces.slug, "acme-inc"));
    const inv = await inviteMember({
      workspaceId: ws!.id,
      email: "mia@example.com",
      role: "marketer",
      invitedBy: ada!.id,
    });
    const r = await signUp(
      {
        name: "Mia",
        email: "mia@example.com",
        password: "purple monkey dishwasher",
        inviteToken: inv.token,
      },
      { signupMode: "invite-only" },
    );
    expect(r.workspaceSlug).toBe("acme-inc");
    const [m] = await db().select().from(memberships).where(eq(memberships.userId, r.userId));
    expect(m).toMatchObject({ workspaceId: ws!.id, role: "marketer" });
    expect(await db().$count(workspaces)).toBe(2);

    const before = await count();
    await expect(
      signUp(
        {
          name: "Mia 2",
          email: "mia2@example.com",
          password: "purple monkey dishwasher",
          inviteToken: inv.token,
        },
        open,
      ),
    ).rejects.toMatchObject({ status: 410 });
    expect(await count()).toEqual(before);
  });

  it("refuses an expired invite with a clear message and writes nothing", async () => {
    const [ws] = await db().select().from(workspaces).where(eq(workspaces.slug, "acme-inc"));
    const longAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000);
    const inv = await inviteMember({
      workspaceId: ws!.id,
      email: "late@example.com",
      role: "analyst",
      invitedBy: (await db().select().from(users).limit(1))[0]!.id,
      now: longAgo,
    });
    const before = await count();
    await expect(
      signUp(
        {
          name: "Late",
          email: "late@example.com",
          password: "purple monkey dishwasher",
          inviteToken: inv.token,
        },
        open,
      ),
    ).rejects.toThrow("This invite has expired; ask an admin for a new one");
    expect(await count()).toEqual(before);
  });

  it("refuses an invite used with another email", async () => {
    const [ws] = await db().select().from(workspaces).where(eq(workspaces.slug, "acme-inc"));
    const [anyUser] = await db().select().from(users).limit(1);
    const inv = await inviteMember({
      workspaceId: ws!.id,
      email: "right@example.com",
      role: "analyst",
      invitedBy: anyUser!.id,
    });
    await expect(
      signUp(
        {
          name: "W",
          email: "wrong@example.com",
          password: "purple monkey dishwasher",
          inviteToken: inv.token,
        },
        open,
      ),
    ).rejects.toMatchObject({
      fields: { email: "This invite is for right@example.com" },
    });
    const [row] = await db().select().from(invites).where(eq(invites.id, inv.inviteId));
    expect(row?.acceptedAt).toBeNull();
  });
});
