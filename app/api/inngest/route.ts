import { serve } from "inngest/next";
import type { NextRequest } from "next/server";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { env } from "@/lib/env";
import { registerServeHandler } from "@/lib/local-executor/in-process-serve";

export const { GET, POST, PUT } = serve({ client: inngest, functions });

// Local mode: this process's executor calls the handler directly (signed, same bodies), saving a
// loopback HTTP exchange per call.
if (env.executor === "local") registerServeHandler((req) => POST(req as NextRequest, undefined));
