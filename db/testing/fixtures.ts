import { insertApiKey } from "@/db/queries/api-keys";
import { API_KEY_SCOPES } from "@/lib/api-keys/kinds";
import { insertUser } from "@/db/queries/users";
import { generateApiKey } from "@/lib/api-keys/api-key";
import { randomToken } from "@/lib/crypto/tokens";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { generateAccessKeyId, secretAccessKeyFor } from "@/lib/pinpoint/aws-credentials";

/** A workspace with an admin and a secret API key holding every scope, for tests that need a tenant. */
export async function makeTenant(name: string) {
  const user = await insertUser({
    email: `${randomToken(6).toLowerCase()}@example.com`,
    name: `${name} admin`,
    passwordHash: "x",
  });
  const workspace = await createWorkspace({ name, timezone: "UTC", ownerId: user.id });
  const { key, prefix, hash } = generateApiKey();
  const accessKeyId = generateAccessKeyId();
  const apiKey = await insertApiKey({
    accessKeyId,
    workspaceId: workspace.id,
    name: "test",
    prefix,
    keyHash: hash,
    kind: "secret",
    scopes: [...API_KEY_SCOPES],
    createdBy: user.id,
  });
  return {
    user,
    workspace,
    key,
    apiKeyId: apiKey.id,
    /** What an AWS SDK client signs with (the key has the `pinpoint` scope). */
    aws: { accessKeyId, secretAccessKey: secretAccessKeyFor(hash) },
  };
}
