import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJson } from "@/app/_server/http";
import { withUser } from "@/app/_server/with-workspace";
import { AppError } from "@/lib/errors";
import { acceptInvite } from "@/lib/members/accept-invite";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { assertNotThrottled, recordThrottleHit } from "@/lib/rate-limit/throttle";

/** Tokens are 256-bit, but guesses still cost a lookup each: wrong ones count per IP and user. */
export const POST = withUser(async (req, { user }) => {
  const subjects = [
    { name: "invite:ip", id: clientIp(req.headers) },
    { name: "invite:account", id: user.id },
  ] as const;
  await assertNotThrottled([...subjects]);
  const { token } = await parseJson(req, z.object({ token: z.string().min(10).max(200) }));
  try {
    return NextResponse.json(await acceptInvite({ token, user }));
  } catch (err) {
    if (err instanceof AppError && (err.status === 404 || err.status === 410))
      await recordThrottleHit([...subjects]);
    throw err;
  }
});
