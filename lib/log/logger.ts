import { env } from "@/lib/env";
import { currentLogContext } from "./log-context";

export type TLogLevel = "debug" | "info" | "warn" | "error";
export type TLogFields = Record<string, unknown>;
export type TLogger = {
  debug: (msg: string, fields?: TLogFields) => void;
  info: (msg: string, fields?: TLogFields) => void;
  warn: (msg: string, fields?: TLogFields) => void;
  error: (msg: string, fields?: TLogFields) => void;
  /** A logger that adds `fields` (a request id, a run id) to every line. */
  child: (fields: TLogFields) => TLogger;
};
export type TLogSink = { write: (line: string) => unknown };

const RANK: Record<TLogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Field names whose values never reach a log line: credentials, and message content (bodies are
// personal data; the message id is enough to find one).
const SECRET_KEY =
  /secret|password|passwd|token|authorization|cookie|api_?key|signing|private|credential|^(body|html|text|subject|content|payload)$/i;
export const REDACTED = "[redacted]";

/**
 * drizzle's query errors carry the statement's parameters ("Failed query: …\nparams: …"): emails,
 * event properties, sealed secrets, megabytes for a batch. The statement stays; the values go.
 */
const withoutParams = (text: string) =>
  text.replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/, `\nparams: ${REDACTED}`);

/** Makes `value` safe and JSON-friendly: secrets and message bodies out, errors as plain objects. */
export function scrub(value: unknown, depth = 0): unknown {
  if (value instanceof Error) {
    const out: TLogFields = {
      name: value.name,
      message: withoutParams(value.message),
      stack: value.stack === undefined ? undefined : withoutParams(value.stack),
    };
    const code = (value as { code?: unknown }).code;
    if (code !== undefined) out.code = code;
    if (value.cause !== undefined && depth < 3) out.cause = scrub(value.cause, depth + 1);
    return out;
  }
  if (value === null || typeof value !== "object") return value;
  if (depth >= 4) return "[…]";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => scrub(v, depth + 1));
  const out: TLogFields = {};
  for (const [k, v] of Object.entries(value))
    out[k] = SECRET_KEY.test(k) ? REDACTED : scrub(v, depth + 1);
  return out;
}

function jsonLine(level: TLogLevel, msg: string, fields: TLogFields): string {
  return JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
}

const COLOURS: Record<TLogLevel, string> = {
  debug: "\x1b[90m",
  info: "\x1b[36m",
  warn: "\x1b[33m",
  error: "\x1b[31m",
};

// `npm run dev`: what a person reads in a terminal; errors keep their stack on the lines below.
function prettyLine(level: TLogLevel, msg: string, fields: TLogFields): string {
  const time = new Date().toISOString().slice(11, 23);
  const rest = Object.entries(fields).filter(([k]) => k !== "err");
  const tail = rest.map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  const err = fields.err as { stack?: string; message?: string } | undefined;
  const stack = err ? `\n${err.stack ?? err.message}` : "";
  return `${COLOURS[level]}${time} ${level.padEnd(5)}\x1b[0m ${msg}${tail.length ? ` \x1b[90m${tail.join(" ")}\x1b[0m` : ""}${stack}`;
}

export function createLogger(opts: {
  format: "json" | "pretty";
  level: TLogLevel;
  sink?: TLogSink;
  fields?: TLogFields;
}): TLogger {
  const sink = opts.sink ?? process.stdout;
  const base = opts.fields ?? {};
  const emit = (level: TLogLevel, msg: string, fields?: TLogFields) => {
    if (RANK[level] < RANK[opts.level]) return;
    const all = scrub({ ...currentLogContext(), ...base, ...fields }) as TLogFields;
    const line = opts.format === "json" ? jsonLine(level, msg, all) : prettyLine(level, msg, all);
    sink.write(line + "\n");
  };
  return {
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
    child: (fields) => createLogger({ ...opts, sink, fields: { ...base, ...fields } }),
  };
}

/** The process's logger: JSON lines in production, readable lines under `next dev` (WAYMARK_LOG_FORMAT). */
export const log: TLogger = createLogger({
  format: env.WAYMARK_LOG_FORMAT ?? (env.NODE_ENV === "development" ? "pretty" : "json"),
  level: env.WAYMARK_LOG_LEVEL,
});

/** Waits until stdout has taken every line written so far (on exit, a pipe may still hold some). */
export function flushLogs(): Promise<void> {
  return new Promise((resolve) => {
    if (!process.stdout.writableNeedDrain) return resolve();
    process.stdout.once("drain", () => resolve());
  });
}
