import { NextResponse } from "next/server";
import { parseJsonText } from "@/app/_server/http";
import { withApiKey } from "@/app/_server/with-api-key";
import { ZSendMessagesRequest } from "@/lib/messages/transactional/send-request";
import { sendTransactional } from "@/lib/messages/transactional/send-transactional";

/** Transactional messages (Pinpoint's SendMessages / SendUsersMessages): one result per recipient. */
export const POST = withApiKey(
  "messages:send",
  async (_req, { apiKey, body }) => {
    const input = parseJsonText(body, ZSendMessagesRequest);
    // The key's lookup joined the workspace: its name and zone need no second read.
    return NextResponse.json(
      await sendTransactional(apiKey.workspace.id, input, { workspace: apiKey.workspace }),
    );
  },
  // 1,000 recipients, each with its own context.
  { maxBodyBytes: 4 * 1024 * 1024 },
);
