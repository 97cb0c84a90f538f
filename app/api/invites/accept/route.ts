import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJson } from "@/app/_server/http";
import { withUser } from "@/app/_server/with-workspace";
import { acceptInvite } from "@/lib/members/accept-invite";

export const POST = withUser(async (req, { user }) => {
  const { token } = await parseJson(req, z.object({ token: z.string().min(10).max(200) }));
  return NextResponse.json(await acceptInvite({ token, user }));
});
