import nodemailer from "nodemailer";
import { nodemailerGuardedSocket } from "@/lib/net/guarded-socket";
import { isOutboundRefused, refusedReason } from "@/lib/net/outbound-refused";
import type { TOutboundPolicy } from "@/lib/net/outbound-policy";
import { scrub } from "./http-outcome";
import type { TSmtpConfig } from "./provider-config";
import type { ChannelProvider, TEmailMessage, TSendResult } from "./types";

export type TSmtpProviderOptions = {
  /** Connect, greeting and socket idle timeouts. */
  timeoutMs?: number;
  maxConnections?: number;
  /** Tests of the outbound policy pass their own; otherwise the deployment's. */
  policy?: TOutboundPolicy;
};

/** Connection-level nodemailer codes: the server may well take the message on a later try. */
const TRANSIENT_CODES = new Set([
  "ECONNECTION",
  "ETIMEDOUT",
  "ESOCKET",
  "EDNS",
  "ECONNRESET",
  "ECONNREFUSED",
  "ETLS",
]);

type TNodemailerError = Error & { code?: string; responseCode?: number; response?: string };

/** `<id@domain-of-sender>`: a Message-ID needs a domain, and the sender's keeps it recognisable. */
function messageIdHeader(messageId: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "waymark.local";
  return `<${messageId}@${domain}>`;
}

/**
 * The VERP envelope sender of one message: `bounces@mail.acme.com` becomes
 * `bounces+<message id>@mail.acme.com`, so the bounce a receiving server returns names its message
 * (lib/deliverability/dsn/parse-dsn.ts reads it back).
 */
export function verpAddress(returnPath: string, messageId: string): string {
  const at = returnPath.lastIndexOf("@");
  return `${returnPath.slice(0, at)}+${messageId}${returnPath.slice(at)}`;
}

export function classifySmtpError(
  err: unknown,
  secrets: readonly (string | undefined)[] = [],
): Extract<TSendResult, { ok: false }> {
  if (isOutboundRefused(err))
    return {
      ok: false,
      retryable: false,
      reason: refusedReason("SMTP server"),
      code: "destination_not_allowed",
    };
  const e = err as TNodemailerError;
  const response = scrub(e.response ?? e.message ?? "unknown error", secrets);
  if (typeof e.responseCode === "number") {
    const code = String(e.responseCode);
    if (e.code === "EAUTH")
      return {
        ok: false,
        retryable: e.responseCode < 500,
        reason: `SMTP login rejected: ${response}`,
        code,
      };
    return {
      ok: false,
      retryable: e.responseCode >= 400 && e.responseCode < 500,
      reason: `SMTP ${response}`,
      code,
    };
  }
  if (e.code && TRANSIENT_CODES.has(e.code)) {
    return {
      ok: false,
      retryable: true,
      reason: `SMTP server unreachable: ${response}`,
      code: e.code,
    };
  }
  // Anything else (bad address syntax, message build errors) will fail the same way next time.
  return { ok: false, retryable: false, reason: `SMTP: ${response}`, code: e.code };
}

/** Email over SMTP through one pooled nodemailer transport per provider. */
export function createSmtpProvider(
  config: TSmtpConfig,
  options: TSmtpProviderOptions = {},
): ChannelProvider<TEmailMessage> {
  const timeout = options.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password ?? "" } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    // Every connection goes through the outbound policy (no private hosts unless allow-listed).
    getSocket: nodemailerGuardedSocket({ timeoutMs: timeout, policy: options.policy }),
  });
  const defaultFrom = config.fromName
    ? { name: config.fromName, address: config.from }
    : config.from;
  const secrets = [config.password];

  return {
    kind: "smtp",
    async send(message) {
      const from = message.from || defaultFrom;
      try {
        const info = await transport.sendMail({
          from,
          to: message.to,
          replyTo: message.replyTo,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
          ...(config.returnPath
            ? {
                envelope: {
                  from: verpAddress(config.returnPath, message.messageId),
                  to: message.to,
                },
              }
            : {}),
          messageId: messageIdHeader(
            message.messageId,
            typeof from === "string" ? from : from.address,
          ),
        });
        return {
          ok: true,
          status: "sent",
          providerMessageId: info.messageId,
          sender: typeof from === "string" ? from : from.address,
        };
      } catch (err) {
        return classifySmtpError(err, secrets);
      }
    },
    async close() {
      transport.close();
    },
  };
}
