import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJsonText } from "@/app/_server/http";
import { withApiKey } from "@/app/_server/with-api-key";
import { appKeyRing } from "@/lib/crypto/app-secret";
import { mintInAppToken } from "@/lib/messages/inbox/inapp-token";

const ZTokenRequest = z.object({
  userId: z.string().min(1).max(255),
  ttlSeconds: z
    .number()
    .int()
    .min(60)
    .max(30 * 86400)
    .default(86400),
});

/** Server to server: a token the customer's page can use to read one user's in-app inbox. */
export const POST = withApiKey("inapp", async (_req, { apiKey, body }) => {
  const input = parseJsonText(body, ZTokenRequest);
  const expiresAt = new Date(Date.now() + input.ttlSeconds * 1000);
  return NextResponse.json({
    token: mintInAppToken(
      appKeyRing("inapp-contact-tokens").current,
      apiKey.workspace.id,
      input.userId,
      expiresAt,
    ),
    expiresAt,
  });
});
