import { z } from "zod";
import { parseAllowList, type TAllowList } from "./net/allow-list";

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
  /**
   * Secrets AUTH_SECRET replaced, comma-separated, kept during a rotation: sessions, message links,
   * in-app tokens and sealed channel secrets made with them still open; nothing new uses them.
   */
  AUTH_SECRET_PREVIOUS: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
    )
    .pipe(
      z
        .array(z.string().min(32, "each must be at least 32 characters (openssl rand -base64 32)"))
        .optional(),
    ),
  /**
   * Embedded PGlite is one process's database with no backups or replicas; production refuses it
   * unless this says the operator means it (a single-box trial, the e2e suite).
   */
  WAYMARK_ALLOW_PGLITE: ZBool.default(false),
  /**
   * Public base URL: invite links, and the tracking, unsubscribe and receipt links inside messages.
   * Required in production, where a default would send customers links to localhost.
   */
  APP_URL: z.url().optional(),
  /**
   * `open`: anyone may sign up and gets a workspace of their own. `invite-only`: only invite links.
   * Defaults to `invite-only` in production: a stranger who signs up becomes an admin of a workspace,
   * and admins configure where the server sends requests.
   */
  WAYMARK_SIGNUP: z.enum(["open", "invite-only"]).optional(),
  /**
   * Private destinations outbound traffic (webhooks, SMTP, SMS, push) may reach although they are
   * loopback, private, link-local or metadata addresses: comma-separated IPs, CIDR ranges, host
   * names, each optionally with `:port` (`127.0.0.1,10.0.0.0/8,mail.internal:25`). See docs/security.md.
   */
  WAYMARK_OUTBOUND_ALLOW: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      const parsed = parseAllowList(v);
      if ("errors" in parsed) ctx.addIssue({ code: "custom", message: parsed.errors.join("; ") });
    }),
  /**
   * Lets SES and End User Messaging providers sign with the server's own AWS credentials (the SDK's
   * default chain: environment, shared config, the ECS/EC2 instance role). Off by default: with it
   * any workspace admin could send through the operator's AWS account, and the chain reads the
   * instance metadata service, which the outbound guard otherwise refuses. Turn it on only where
   * every workspace belongs to the operator.
   */
  WAYMARK_AWS_DEFAULT_CREDENTIALS: ZBool.default(false),
  /**
   * Test-only: exposes /api/test/* (raw SQL for e2e assertions) to callers that present AUTH_SECRET.
   * Never set it on a real deployment.
   */
  WAYMARK_TEST_HOOKS: ZBool.default(false),
  /**
   * Test-only: a host (`127.0.0.1`) whose http(s) URLs are accepted as SNS signing-certificate and
   * subscribe URLs besides `https://sns.<region>.amazonaws.com/…`, so tests serve a certificate they
   * made on loopback. Refused unless NODE_ENV=test or WAYMARK_TEST_HOOKS=1.
   */
  WAYMARK_TEST_SNS_CERT_HOST: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, "must be a bare host name or IPv4 address")
    .optional(),
  /** Seed the demo workspace and print its logins at start. Defaults to on outside production. */
  WAYMARK_SEED_DEMO: ZBool.optional(),
  /**
   * The demo's password and API keys: `fixed` (the README's, so its curl examples work; the default
   * outside production) or `derived` from AUTH_SECRET (unguessable, different on every install and
   * the same across its restarts; the default in production, where a demo seeded on a public
   * server must not open with a password from the README).
   */
  WAYMARK_DEMO_CREDENTIALS: z.enum(["fixed", "derived"]).optional(),
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
  /**
   * Runs the local executor keeps in flight in this process. A journey step waits on the database
   * and the provider far more than it uses the CPU, so more slots than cores keep both busy; the
   * database pool (WAYMARK_DB_POOL_MAX) must have room for them beside the web requests.
   */
  WAYMARK_EXECUTOR_SLOTS: z.coerce.number().int().min(1).max(256).default(4),
  /** PostgreSQL connections this process opens at most. */
  WAYMARK_DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  /** How often segment-entered and date-attribute journey triggers are swept (events re-check segments at once). */
  WAYMARK_TRIGGER_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Privacy: store no IP address from ingested calls' `context.ip` (events keep the rest). */
  WAYMARK_INGEST_DROP_IP: ZBool.default(false),
  /**
   * How many proxies in front of the app append to X-Forwarded-For, so ingestion can take a call's
   * `context.ip` from the request when the SDK sends none: the address that many hops from the
   * right. 0 trusts no header (only an SDK-sent ip is kept).
   */
  WAYMARK_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(1),
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
  /**
   * Template previews render in worker threads (lib/templates/preview/): a render past this limit
   * has its thread killed and answers 422, so a hostile template cannot stall the server.
   */
  WAYMARK_PREVIEW_RENDER_TIMEOUT_MS: z.coerce.number().int().min(50).default(2_000),
  /** Preview worker threads per process; previews past 8 waiting per thread get 429. */
  WAYMARK_PREVIEW_WORKERS: z.coerce.number().int().min(1).max(16).default(2),
  /** Interface the standalone server (`node server.js`) listens on; the image sets 0.0.0.0. */
  HOSTNAME: z.string().min(1).optional(),
  /** Set by the image: Waymark, not Next.js, handles SIGTERM (lib/lifecycle/), so it can drain. */
  NEXT_MANUAL_SIG_HANDLE: ZBool.optional(),
  /**
   * Read by the standalone server (`node server.js`): milliseconds an idle keep-alive connection
   * stays open. The image sets 65000, past a load balancer's 60 s, so a reused one is never reset.
   */
  KEEP_ALIVE_TIMEOUT: z.coerce.number().int().min(0).optional(),
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
  /** Event stream: how long a failing batch is retried (with backoff) before it becomes a dead letter. */
  WAYMARK_STREAM_RETRY_WINDOW_SECONDS: z.coerce.number().int().min(1).max(604_800).default(86_400),
  /** Event stream: how long events stay in the outbox, and export files in the database (days). */
  WAYMARK_STREAM_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
});

/**
 * Secrets published in this repository (the e2e suite's). Anyone can sign sessions with them, so
 * they are accepted only by servers started for tests (WAYMARK_TEST_HOOKS=1).
 */
export const PUBLISHED_TEST_SECRETS: readonly string[] = [
  "e2e-secret-e2e-secret-e2e-secret-0123456789",
];

export type TExecutorKind = "local" | "inngest-dev" | "inngest";
export type TEnv = Omit<
  z.infer<typeof ZEnv>,
  "WAYMARK_SEED_DEMO" | "WAYMARK_SIGNUP" | "WAYMARK_DEMO_CREDENTIALS"
> & {
  WAYMARK_SEED_DEMO: boolean;
  WAYMARK_DEMO_CREDENTIALS: "fixed" | "derived";
  WAYMARK_SIGNUP: "open" | "invite-only";
  /** WAYMARK_OUTBOUND_ALLOW, parsed. */
  outboundAllow: TAllowList;
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
  const production =
    e.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build";
  if (production) {
    const missing: string[] = [];
    if (!e.AUTH_SECRET)
      missing.push("  AUTH_SECRET: required in production (openssl rand -base64 32)");
    else if (PUBLISHED_TEST_SECRETS.includes(e.AUTH_SECRET) && !e.WAYMARK_TEST_HOOKS)
      missing.push("  AUTH_SECRET: is the published e2e test secret; generate your own");
    if (!e.APP_URL)
      missing.push(
        "  APP_URL: required in production (links in messages would point at localhost)",
      );
    if (!e.DATABASE_URL && !e.WAYMARK_ALLOW_PGLITE)
      missing.push(
        "  DATABASE_URL: required in production (embedded PGlite only with WAYMARK_ALLOW_PGLITE=1)",
      );
    if (missing.length) throw new Error(`Invalid environment variables:\n${missing.join("\n")}`);
  }
  if (e.WAYMARK_TEST_SNS_CERT_HOST && e.NODE_ENV !== "test" && !e.WAYMARK_TEST_HOOKS) {
    throw new Error(
      "Invalid environment variables:\n  WAYMARK_TEST_SNS_CERT_HOST: only for tests (NODE_ENV=test or WAYMARK_TEST_HOOKS=1)",
    );
  }
  const executor = executorOf(e);
  // Dev mode turns off the signature check on /api/inngest: anyone could run any step.
  const devMode = e.INNGEST_DEV !== undefined && !["0", "false", "no"].includes(e.INNGEST_DEV);
  if (production && (executor === "inngest-dev" || devMode))
    throw new Error(
      "Invalid environment variables:\n  INNGEST_DEV: Inngest dev mode is refused in production (it turns off request signatures); use WAYMARK_EXECUTOR=inngest with INNGEST_SIGNING_KEY, or the local executor",
    );
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
    WAYMARK_SIGNUP: e.WAYMARK_SIGNUP ?? (e.NODE_ENV === "production" ? "invite-only" : "open"),
    outboundAllow: parseAllowList(e.WAYMARK_OUTBOUND_ALLOW) as TAllowList,
    WAYMARK_SEED_DEMO: e.WAYMARK_SEED_DEMO ?? e.NODE_ENV !== "production",
    WAYMARK_DEMO_CREDENTIALS:
      e.WAYMARK_DEMO_CREDENTIALS ?? (e.NODE_ENV === "production" ? "derived" : "fixed"),
    executor,
    internalUrl,
  };
}

export const env: TEnv = loadEnv(process.env);
