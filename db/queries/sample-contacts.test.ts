import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "@/db/testing/test-db";
import { makeTenant } from "@/db/testing/fixtures";
import { db } from "@/db";
import { contacts } from "@/db/schema";
import { searchSampleContacts } from "./sample-contacts";

let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await useTestDb());
});
afterAll(() => close());

describe("searchSampleContacts", () => {
  it("finds a workspace's contacts by name, email or id prefix, never another tenant's", async () => {
    const a = await makeTenant("A");
    const b = await makeTenant("B");
    await db()
      .insert(contacts)
      .values([
        {
          workspaceId: a.workspace.id,
          externalId: "u1",
          email: "ada@example.com",
          attributes: { firstName: "Ada", lastName: "Lovelace" },
        },
        {
          workspaceId: a.workspace.id,
          externalId: "u2",
          email: "grace@example.com",
          attributes: { firstName: "Grace" },
        },
        {
          workspaceId: b.workspace.id,
          externalId: "u3",
          email: "adam@example.com",
          attributes: { firstName: "Adam" },
        },
      ]);
    expect((await searchSampleContacts(a.workspace.id, "ad")).map((c) => c.firstName)).toEqual([
      "Ada",
    ]);
    expect((await searchSampleContacts(a.workspace.id, "GRACE@")).map((c) => c.externalId)).toEqual(
      ["u2"],
    );
    expect((await searchSampleContacts(a.workspace.id, "love"))[0]).toMatchObject({
      firstName: "Ada",
      lastName: "Lovelace",
      email: "ada@example.com",
    });
    expect(await searchSampleContacts(a.workspace.id, "%")).toEqual([]);
    expect(await searchSampleContacts(a.workspace.id, "")).toHaveLength(2);
  });
});
