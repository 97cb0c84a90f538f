import { NextResponse, type NextRequest } from "next/server";
import { errorResponse, parseJson } from "@/app/_server/http";
import { signUp } from "@/lib/auth/sign-up";
import { ZSignUp } from "@/lib/auth/schemas";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { assertNotThrottled, recordThrottleHit } from "@/lib/rate-limit/throttle";

export async function POST(req: NextRequest) {
  try {
    // Every attempt counts: each costs a password hash and may create an account.
    const ip = { name: "signup:ip", id: clientIp(req.headers) } as const;
    await assertNotThrottled([ip]);
    await recordThrottleHit([ip]);
    const input = await parseJson(req, ZSignUp);
    const result = await signUp(input, { signupMode: env.WAYMARK_SIGNUP });
    return NextResponse.json({ workspaceSlug: result.workspaceSlug }, { status: 201 });
  } catch (err) {
    return errorResponse(err);
  }
}
