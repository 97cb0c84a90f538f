import { NextResponse } from "next/server";
import { parseJsonText } from "@/app/_server/http";
import { withApiKey } from "@/app/_server/with-api-key";
import { ZVerifyOtp } from "@/lib/messages/otp/otp-request";
import { verifyOtp } from "@/lib/messages/otp/verify-otp";

/** Checks a one-time passcode (Pinpoint's VerifyOTPMessage): 200 with `valid` either way. */
export const POST = withApiKey("messages:send", async (_req, { apiKey, body }) =>
  NextResponse.json(await verifyOtp(apiKey.workspace.id, parseJsonText(body, ZVerifyOtp))),
);
