import { serve } from "inngest/next";
import type { NextRequest } from "next/server";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { errorJson } from "@/app/_server/http";
import { env } from "@/lib/env";
import { registerServeHandler } from "@/lib/local-executor/in-process-serve";

const served = serve({ client: inngest, functions });
export const { GET, PUT } = served;

/**
 * The SDK parses the body before it checks the signature, and throws on one that is not JSON;
 * that is the caller's fault, so a 400 naming the body rather than a 500 (found by the route fuzz).
 */
export const POST = async (req: NextRequest, ctx: unknown): Promise<Response> => {
  try {
    return await served.POST(req, ctx);
  } catch (err) {
    if (err instanceof SyntaxError)
      return errorJson(400, "validation_error", "Body is not valid JSON", {
        body: "Body is not valid JSON",
      });
    throw err;
  }
};

// Local mode: this process's executor calls the handler directly (signed, same bodies), saving a
// loopback HTTP exchange per call.
if (env.executor === "local") registerServeHandler((req) => POST(req as NextRequest, undefined));
