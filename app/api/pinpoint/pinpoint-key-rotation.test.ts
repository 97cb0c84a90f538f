import { PutEventsCommand } from "@aws-sdk/client-pinpoint";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { insertApiKey } from "@/db/queries/api-keys";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { generateApiKey } from "@/lib/api-keys/api-key";
import { keyRingFrom } from "@/lib/crypto/app-secret";
import {
  acceptedSecretAccessKeys,
  generateAccessKeyId,
  PINPOINT_KEY_PURPOSE,
  secretAccessKeyFor,
} from "@/lib/pinpoint/aws-credentials";
import { pinpointClient, servePinpoint } from "./testing/serve-pinpoint";

// The server mid-rotation: AUTH_SECRET=NEW, AUTH_SECRET_PREVIOUS=OLD.
const S = vi.hoisted(() => ({
  OLD: "old-secret-old-secret-old-secret-0001",
  NEW: "new-secret-new-secret-new-secret-0002",
}));
vi.mock("@/lib/env", async (importOriginal) => {
  const mod = await importOriginal<typeof import("@/lib/env")>();
  return { ...mod, env: { ...mod.env, AUTH_SECRET: S.NEW, AUTH_SECRET_PREVIOUS: [S.OLD] } };
});

const ringOf = (...secrets: string[]) => keyRingFrom(secrets, PINPOINT_KEY_PURPOSE);

let close: () => Promise<void>;
let server: Awaited<ReturnType<typeof servePinpoint>>;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let appId: string;
const key = { accessKeyId: generateAccessKeyId(), ...generateApiKey() };
beforeAll(async () => {
  ({ close } = await useTestDb());
  tenant = await makeTenant("Pinpoint rotation");
  appId = tenant.workspace.id.replaceAll("-", "");
  await insertApiKey({
    workspaceId: tenant.workspace.id,
    name: "mobile app",
    prefix: key.prefix,
    keyHash: key.hash,
    kind: "secret",
    scopes: ["pinpoint"],
    createdBy: null,
    accessKeyId: key.accessKeyId,
  });
  server = await servePinpoint();
});
afterAll(async () => {
  await server.close();
  await close();
});

const send = (secretAccessKey: string, id: string) =>
  pinpointClient(server.base, { accessKeyId: key.accessKeyId, secretAccessKey }).send(
    new PutEventsCommand({
      ApplicationId: appId,
      EventsRequest: {
        BatchItem: {
          "dev-r": {
            Endpoint: {},
            Events: { [id]: { EventType: "Opened", Timestamp: new Date().toISOString() } },
          },
        },
      },
    }),
  );
const stored = async (id: string) =>
  (
    await executeRows(
      sql`select 1 from events where workspace_id = ${tenant.workspace.id} and message_id like ${`%${id}%`}`,
    )
  ).length;

describe("Pinpoint credentials across an AUTH_SECRET rotation", () => {
  it("keeps serving an app that signs with the secret issued before the rotation", async () => {
    const issuedBefore = secretAccessKeyFor(key.hash, ringOf(S.OLD));
    expect(issuedBefore).not.toBe(secretAccessKeyFor(key.hash));
    const res = await send(issuedBefore, "before-rotation");
    expect(res.$metadata.httpStatusCode).toBe(202);
    expect(await stored("before-rotation")).toBe(1);
  });

  it("serves the secret the key shows after the rotation", async () => {
    const res = await send(secretAccessKeyFor(key.hash, ringOf(S.NEW)), "after-rotation");
    expect(res.$metadata.httpStatusCode).toBe(202);
  });

  it("refuses a secret derived from an AUTH_SECRET the server does not keep", async () => {
    const foreign = secretAccessKeyFor(key.hash, ringOf("other-secret-other-secret-other-0003"));
    await expect(send(foreign, "foreign")).rejects.toMatchObject({
      name: "InvalidSignatureException",
      $metadata: { httpStatusCode: 403 },
    });
    expect(await stored("foreign")).toBe(0);
  });

  it("stops accepting the old secret once AUTH_SECRET_PREVIOUS is dropped", () => {
    const old = secretAccessKeyFor(key.hash, ringOf(S.OLD));
    expect(acceptedSecretAccessKeys(key.hash, ringOf(S.NEW, S.OLD))).toContain(old);
    expect(acceptedSecretAccessKeys(key.hash, ringOf(S.NEW))).not.toContain(old);
  });
});
