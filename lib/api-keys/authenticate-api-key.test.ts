import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { apiKeys } from "@/db/schema";
import { insertApiKey, revokeApiKey } from "@/db/queries/api-keys";
import { insertUser } from "@/db/queries/users";
import { useTestDb } from "@/db/testing/test-db";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { generateApiKey } from "./api-key";
import { authenticateApiKey } from "./authenticate-api-key";

let close: () => Promise<void>;
beforeAll(async () => ({ close } = await useTestDb()));
afterAll(() => close());

describe("API key authentication", () => {
  it("resolves a key to its own workspace only, records use, and stops at revocation", async () => {
    const u = await insertUser({ email: "a@example.com", name: "A", passwordHash: "x" });
    const wsA = await createWorkspace({ name: "Tenant A", timezone: "UTC", ownerId: u.id });
    const wsB = await createWorkspace({ name: "Tenant B", timezone: "UTC", ownerId: u.id });
    const a = generateApiKey();
    const b = generateApiKey();
    const rowA = await insertApiKey({
      workspaceId: wsA.id,
      name: "a",
      prefix: a.prefix,
      keyHash: a.hash,
      kind: "secret",
      scopes: ["ingest"],
      createdBy: u.id,
    });
    await insertApiKey({
      workspaceId: wsB.id,
      name: "b",
      prefix: b.prefix,
      keyHash: b.hash,
      kind: "public",
      scopes: [],
      createdBy: u.id,
    });

    const t0 = new Date("2026-11-01T10:00:00Z");
    expect((await authenticateApiKey(`Bearer ${a.key}`, t0))?.workspace.slug).toBe("tenant-a");
    expect((await authenticateApiKey(`Bearer ${b.key}`, t0))?.workspace.slug).toBe("tenant-b");
    const lastUsed = async () =>
      (await db().select().from(apiKeys).where(eq(apiKeys.id, rowA.id)))[0]?.lastUsedAt;
    expect(await lastUsed()).toEqual(t0);

    // Within a minute the row is not rewritten; after it, it is.
    await authenticateApiKey(`Bearer ${a.key}`, new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toEqual(t0);
    const t1 = new Date(t0.getTime() + 61_000);
    await authenticateApiKey(`Bearer ${a.key}`, t1);
    expect(await lastUsed()).toEqual(t1);

    expect(await revokeApiKey(wsB.id, rowA.id, t1)).toBe(false); // another tenant cannot revoke it
    expect(await revokeApiKey(wsA.id, rowA.id, t1)).toBe(true);
    expect(await authenticateApiKey(`Bearer ${a.key}`)).toBeNull();
    expect(await authenticateApiKey(`Bearer ${a.key}x`)).toBeNull();
    expect(await authenticateApiKey(null)).toBeNull();
  });
});
