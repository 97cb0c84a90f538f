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
  AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (openssl rand -base64 32)")
    .optional(),
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
  /**
   * Who runs Inngest functions: `local` (the built-in executor, no Inngest server), `inngest-dev`
   * (`npx inngest-cli dev`) or `inngest` (Inngest Cloud or self-hosted). Inferred when unset:
   * INNGEST_DEV → inngest-dev, INNGEST_SIGNING_KEY → inngest, otherwise local.
   */
  WAYMARK_EXECUTOR: z.enum(["local", "inngest-dev", "inngest"]).optional(),
  /** `1`, or the dev server's URL (as the Inngest SDK reads it). */
  INNGEST_DEV: z.string().optional(),
  /** Self-hosted Inngest (or a non-default dev server): its API and event origin. */
  INNGEST_BASE_URL: z.url().optional(),
  INNGEST_SIGNING_KEY: z
    .string()
    .regex(/^signkey-[A-Za-z0-9_]+-[0-9a-fA-F]+$/, "must look like signkey-<env>-<hex>")
    .optional(),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  /** How the app reaches itself (the local executor calls /api/inngest here). Default http://127.0.0.1:$PORT. */
  WAYMARK_INTERNAL_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** How often segment-entered and date-attribute journey triggers are swept (events re-check segments at once). */
  WAYMARK_TRIGGER_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /**
   * PostgreSQL limits, so one slow query or a stuck transaction cannot hold a connection (and the
   * pool behind it) forever. Statements: any query; idle transaction: a transaction left open
   * while the app waits on something else; connect: reaching the server, or a free pool slot.
   */
  WAYMARK_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
  WAYMARK_DB_IDLE_TX_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
  WAYMARK_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /** Password hashes (scrypt, ~128 MiB each) run at once per process; more get 429. */
  WAYMARK_MAX_PASSWORD_HASHES: z.coerce.number().int().min(1).max(64).default(4),
  /** Live previews and counts (segment editor, campaign audience, segment sizes): shorter, people wait on them. */
  WAYMARK_DB_PREVIEW_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
});

export type TExecutorKind = "local" | "inngest-dev" | "inngest";
export type TEnv = Omit<z.infer<typeof ZEnv>, "WAYMARK_SEED_DEMO"> & {
  WAYMARK_SEED_DEMO: boolean;
  executor: TExecutorKind;
  internalUrl: string;
};

function executorOf(e: z.infer<typeof ZEnv>): TExecutorKind {
  if (e.WAYMARK_EXECUTOR) return e.WAYMARK_EXECUTOR;
  if (e.INNGEST_DEV && !["0", "false", "no"].includes(e.INNGEST_DEV)) return "inngest-dev";
  if (e.INNGEST_SIGNING_KEY) return "inngest";
  return "local";
}

export function loadEnv(source: Record<string, string | undefined>): TEnv {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = ZEnv.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `  ${i.path.join(".")}: ${i.message}`)
      .join("\n");
    throw new Error(`Invalid environment variables:\n${problems}`);
  }
  const e = parsed.data;
  if (
    e.NODE_ENV === "production" &&
    process.env.NEXT_PHASE !== "phase-production-build" &&
    !e.AUTH_SECRET
  ) {
    throw new Error(
      "Invalid environment variables:\n  AUTH_SECRET: required in production (openssl rand -base64 32)",
    );
  }
  const executor = executorOf(e);
  if (executor === "inngest") {
    const missing = (["INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY"] as const).filter((k) => !e[k]);
    if (missing.length)
      throw new Error(
        `Invalid environment variables:\n${missing.map((k) => `  ${k}: required with the inngest executor`).join("\n")}`,
      );
  }
  const internalUrl = (e.WAYMARK_INTERNAL_URL ?? `http://127.0.0.1:${e.PORT ?? 3000}`).replace(
    /\/$/,
    "",
  );
  return {
    ...e,
    WAYMARK_SEED_DEMO: e.WAYMARK_SEED_DEMO ?? e.NODE_ENV !== "production",
    executor,
    internalUrl,
  };
}

export const env: TEnv = loadEnv(process.env);
