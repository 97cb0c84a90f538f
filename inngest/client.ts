import { Inngest } from "inngest";
import { env } from "@/lib/env";
import { inngestClientOptions } from "./client-options";

/**
 * One client for the app; journeys and jobs register their functions in inngest/functions. It
 * talks to Inngest Cloud / self-hosted Inngest, the dev server, or the app's own local executor,
 * as lib/env.ts decides (WAYMARK_EXECUTOR).
 */
export const inngest = new Inngest({ id: "waymark", ...inngestClientOptions(env) });
