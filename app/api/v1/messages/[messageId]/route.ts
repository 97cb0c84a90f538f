import { NextResponse } from "next/server";
import { withApiKey } from "@/app/_server/with-api-key";
import { readMessageLifecycle } from "@/lib/messages/transactional/read-message";

/** A message's status and lifecycle events (any message of the key's workspace). */
export const GET = withApiKey<{ messageId: string }>(
  "messages:send",
  async (_req, { apiKey, params }) =>
    NextResponse.json(await readMessageLifecycle(apiKey.workspace.id, params.messageId)),
);
