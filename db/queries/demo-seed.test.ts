import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertApiKey, listApiKeys } from "@/db/queries/api-keys";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { generateApiKey } from "@/lib/api-keys/api-key";
import { API_KEY_SCOPES } from "@/lib/api-keys/kinds";
import { grantDemoKeyScopes } from "./demo-seed";

let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await useTestDb());
});
afterAll(() => close());

describe("the demo server key on a database seeded by an earlier version", () => {
  it("gains the scopes added since, while a key a user made keeps exactly its own", async () => {
    const t = await makeTenant("Old demo");
    const older = API_KEY_SCOPES.filter((s) => s !== "stream:read");
    const demo = generateApiKey();
    const mine = generateApiKey();
    for (const [name, k] of [
      ["Demo server key", demo],
      ["Mine", mine],
    ] as const)
      await insertApiKey({
        workspaceId: t.workspace.id,
        name,
        prefix: k.prefix,
        keyHash: k.hash,
        kind: "secret",
        scopes: older,
        createdBy: null,
      });

    await grantDemoKeyScopes(t.workspace.id, demo.hash, [...API_KEY_SCOPES]);
    const keys = await listApiKeys(t.workspace.id);
    expect(keys.find((k) => k.name === "Demo server key")!.scopes).toContain("stream:read");
    expect(keys.find((k) => k.name === "Mine")!.scopes).toEqual(older);
  });
});
