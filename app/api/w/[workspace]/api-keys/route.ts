import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { insertApiKey, listApiKeys } from "@/db/queries/api-keys";
import { generateApiKey, ZCreateApiKey } from "@/lib/api-keys/api-key";
import { generateAccessKeyId, secretAccessKeyFor } from "@/lib/pinpoint/aws-credentials";

export const GET = withWorkspace("read", async (_req, { workspace }) =>
  NextResponse.json({ apiKeys: await listApiKeys(workspace.id) }),
);

/**
 * The only response that ever carries the key: it is stored as a SHA-256 hash. A key with the
 * `pinpoint` scope also gets an AWS access key id and secret for AWS SDK clients (SigV4); the
 * secret is derived, not stored, and shown here only.
 */
export const POST = withWorkspace("manage", async (req, { workspace, user }) => {
  const { name, kind, scopes } = await parseJson(req, ZCreateApiKey);
  const { key, prefix, hash } = generateApiKey(kind);
  const aws = scopes.includes("pinpoint");
  const row = await insertApiKey({
    accessKeyId: aws ? generateAccessKeyId() : null,
    workspaceId: workspace.id,
    name,
    prefix,
    keyHash: hash,
    kind,
    scopes,
    createdBy: user.id,
  });
  return NextResponse.json(
    { ...row, key, ...(aws ? { secretAccessKey: secretAccessKeyFor(hash) } : {}) },
    { status: 201 },
  );
});
