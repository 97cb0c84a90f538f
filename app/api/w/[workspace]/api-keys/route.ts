import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { insertApiKey, listApiKeys } from "@/db/queries/api-keys";
import { generateApiKey, ZCreateApiKey } from "@/lib/api-keys/api-key";

export const GET = withWorkspace("read", async (_req, { workspace }) =>
  NextResponse.json({ apiKeys: await listApiKeys(workspace.id) }),
);

/** The only response that ever carries the key: it is stored as a SHA-256 hash. */
export const POST = withWorkspace("manage", async (req, { workspace, user }) => {
  const { name, kind, scopes } = await parseJson(req, ZCreateApiKey);
  const { key, prefix, hash } = generateApiKey(kind);
  const row = await insertApiKey({
    workspaceId: workspace.id,
    name,
    prefix,
    keyHash: hash,
    kind,
    scopes,
    createdBy: user.id,
  });
  return NextResponse.json({ ...row, key }, { status: 201 });
});
