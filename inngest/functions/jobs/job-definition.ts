import type { Inngest, InngestFunction } from "inngest";
import type { z } from "zod";

/**
 * A background job as the registry (jobs/index.ts) lists it: its function id, what triggers it (a
 * cron, or an event of inngest/events.ts) with that trigger's zod payload, and how to create the
 * function on a client (the app's, or a test's).
 */
export type TJobDefinition = {
  id: string;
  triggers: ({ cron: string } | { event: string })[];
  payload: z.ZodType;
  /** What it does and why it is shaped so (docs/executors.md lists these). */
  summary: string;
  define: (client: Inngest) => InngestFunction.Any;
};
