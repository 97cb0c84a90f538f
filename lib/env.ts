import { z } from "zod";

const ZBool = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes");

export const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** A postgres:// URL selects real PostgreSQL through `pg`; unset means embedded PGlite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  /** Folder of the embedded database, or `memory://` for a throwaway one. */
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  /** Signs session tokens. Required in production; in development one is generated into .data/. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  /** Public base URL, used in invite links when the request's own host is not the public one. */
  APP_URL: z.url().optional(),
  /** `open`: anyone may sign up and gets a workspace of their own. `invite-only`: only invite links. */
  WAYMARK_SIGNUP: z.enum(["open", "invite-only"]).default("open"),
  /**
   * Test-only: exposes /api/test/* (raw SQL for e2e assertions) to callers that present AUTH_SECRET.
   * Never set it on a real deployment.
   */
  WAYMARK_TEST_HOOKS: ZBool.default(false),
  /** Seed the demo workspace and print its logins at start. Defaults to on outside production. */
  WAYMARK_SEED_DEMO: ZBool.optional(),
});

export type TEnv = Omit<z.infer<typeof ZEnv>, "WAYMARK_SEED_DEMO"> & { WAYMARK_SEED_DEMO: boolean };

export function loadEnv(source: Record<string, string | undefined>): TEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ZEnv.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment variables:\n${problems}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build" && !e.AUTH_SECRET) {
    throw new Error("Invalid environment variables:\n  AUTH_SECRET: required in production (openssl rand -base64 32)");
  }
  return { ...e, WAYMARK_SEED_DEMO: e.WAYMARK_SEED_DEMO ?? e.NODE_ENV !== "production" };
}

export const env: TEnv = loadEnv(process.env);
