import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { memberships } from "@/db/schema";
import { insertUser } from "@/db/queries/users";
import { insertMembership } from "@/db/queries/workspaces";
import { useTestDb } from "@/db/testing/test-db";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { changeMemberRole } from "./change-member-role";

let close: () => Promise<void>;
let ws: { id: string };
let owner: { id: string };
let other: { id: string };
beforeAll(async () => {
  ({ close } = await useTestDb());
  owner = await insertUser({ email: "owner@example.com", name: "Owner", passwordHash: "x" });
  other = await insertUser({ email: "other@example.com", name: "Other", passwordHash: "x" });
  ws = await createWorkspace({ name: "Team", timezone: "UTC", ownerId: owner.id });
  await insertMembership({ workspaceId: ws.id, userId: other.id, role: "analyst" });
});
afterAll(() => close());

const roleOf = async (userId: string) =>
  (
    await db()
      .select()
      .from(memberships)
      .where(and(eq(memberships.workspaceId, ws.id), eq(memberships.userId, userId)))
  )[0]?.role;

describe("changing roles", () => {
  it("never demotes or removes the last admin", async () => {
    await expect(
      changeMemberRole({ workspaceId: ws.id, userId: owner.id, role: "marketer" }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      changeMemberRole({ workspaceId: ws.id, userId: owner.id, role: null }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await roleOf(owner.id)).toBe("admin");
  });

  it("lets the last admin step down once there is another admin", async () => {
    await changeMemberRole({ workspaceId: ws.id, userId: other.id, role: "admin" });
    await changeMemberRole({ workspaceId: ws.id, userId: owner.id, role: "analyst" });
    expect(await roleOf(owner.id)).toBe("analyst");
    expect(await roleOf(other.id)).toBe("admin");
  });

  it("keeps one admin when two demotions race", async () => {
    await changeMemberRole({ workspaceId: ws.id, userId: owner.id, role: "admin" });
    const results = await Promise.allSettled([
      changeMemberRole({ workspaceId: ws.id, userId: owner.id, role: "marketer" }),
      changeMemberRole({ workspaceId: ws.id, userId: other.id, role: "marketer" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const roles = [await roleOf(owner.id), await roleOf(other.id)];
    expect(roles.filter((r) => r === "admin")).toHaveLength(1);
  });

  it("removes a member and 404s for someone who is not one", async () => {
    await changeMemberRole({ workspaceId: ws.id, userId: owner.id, role: "admin" });
    await changeMemberRole({ workspaceId: ws.id, userId: other.id, role: null });
    expect(await roleOf(other.id)).toBeUndefined();
    await expect(
      changeMemberRole({ workspaceId: ws.id, userId: other.id, role: "analyst" }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
