import { NextResponse } from "next/server";
import { parseJsonText } from "@/app/_server/http";
import { withApiKey } from "@/app/_server/with-api-key";
import { ZSendOtp } from "@/lib/messages/otp/otp-request";
import { sendOtp } from "@/lib/messages/otp/send-otp";

/** Sends a one-time passcode (Pinpoint's SendOTPMessage). */
export const POST = withApiKey("messages:send", async (_req, { apiKey, body }) =>
  NextResponse.json(
    await sendOtp(apiKey.workspace.id, parseJsonText(body, ZSendOtp), apiKey.workspace),
  ),
);
