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
  /**
   * Read by the Inngest SDK: the origin Inngest calls the functions at (a load balancer in front of
   * several replicas) instead of the host the sync request arrived on.
   */
  INNGEST_SERVE_ORIGIN: z.url().optional(),
  /** How the app reaches itself (the local executor calls /api/inngest here). Default http://127.0.0.1:$PORT. */
  WAYMARK_INTERNAL_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** How often segment-entered and date-attribute journey triggers are swept (events re-check segments at once). */
  WAYMARK_TRIGGER_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Interface the standalone server (`node server.js`) listens on; the image sets 0.0.0.0. */
  HOSTNAME: z.string().min(1).optional(),
  /** Set by the image: Waymark, not Next.js, handles SIGTERM (lib/lifecycle/), so it can drain. */
  NEXT_MANUAL_SIG_HANDLE: ZBool.optional(),
  NEXT_TELEMETRY_DISABLED: ZBool.optional(),
  /** `json` (one object per line) or `pretty`. Default: pretty under `next dev`, JSON otherwise. */
  WAYMARK_LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  WAYMARK_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /**
   * Bearer token for GET /api/metrics (Prometheus). Without it only an operator's session may read
   * them (WAYMARK_OPERATOR_EMAILS).
   */
  WAYMARK_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /**
   * Comma-separated emails of the people who run this instance: they see Settings → System and
   * may read /api/metrics with their session. Unset: admins of any workspace, unless sign-up is
   * open in production (then strangers would be admins of their own workspace).
   */
  WAYMARK_OPERATOR_EMAILS: z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.email("must be a comma-separated list of emails")))
    .optional(),
  /** OpenTelemetry traces are exported over OTLP/HTTP when one of these is set (off by default). */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
  /** Read by the exporter itself, e.g. `authorization=Bearer …` for a hosted collector. */
  OTEL_EXPORTER_OTLP_HEADERS: z.string().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default("waymark"),
  /** On SIGTERM, how long in-flight work may take before the process exits anyway. */
  WAYMARK_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
  /** /api/health/ready fails when the oldest due executor run has waited longer than this. */
  WAYMARK_READY_MAX_LAG_SECONDS: z.coerce.number().int().min(1).max(86_400).default(120),
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
