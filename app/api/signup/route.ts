import { NextResponse, type NextRequest } from "next/server";
import { errorResponse, parseJson } from "@/app/_server/http";
import { signUp } from "@/lib/auth/sign-up";
import { ZSignUp } from "@/lib/auth/schemas";
import { env } from "@/lib/env";

export async function POST(req: NextRequest) {
  try {
    const input = await parseJson(req, ZSignUp);
    const result = await signUp(input, { signupMode: env.WAYMARK_SIGNUP });
    return NextResponse.json({ workspaceSlug: result.workspaceSlug }, { status: 201 });
  } catch (err) {
    return errorResponse(err);
  }
}
