import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { waitUntil } from "./wait-until";

/**
 * A real SMTP server on 127.0.0.1 that keeps every mail it accepts, parsed. For unit, e2e and
 * journey tests, and for `run-sinks.ts` in development. Plain SMTP only (no STARTTLS), so point
 * the provider at it with `secure: false`.
 *
 *   const sink = await startSmtpSink({ auth: { user: "u", pass: "p" } });
 *   // … send to host 127.0.0.1, port sink.port …
 *   const mail = await sink.waitFor((m) => m.to.includes("ada@example.com"));
 *   await sink.close();
 */

export type TReceivedMail = {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients (RCPT TO). */
  to: string[];
  /** The From header as written, e.g. `"Acme <hello@acme.test>"`. */
  fromHeader: string;
  subject: string;
  html: string;
  text: string;
  /** Header values as sent (unfolded), keyed by lower-case name; a repeated header keeps its last value. */
  headers: Record<string, string>;
  messageId: string;
  /** The authenticated user, when the sink asks for auth. */
  user?: string;
  raw: string;
};

export type TSmtpFailure = {
  /** SMTP reply code, e.g. 550 (permanent) or 451 (try later). */
  code: number;
  message?: string;
  /** `rcpt` rejects the recipient; `data` rejects the message after it was transmitted. */
  stage?: "rcpt" | "data";
};

export type TSmtpSinkOptions = {
  /** 0 or absent: a free port. */
  port?: number;
  host?: string;
  /** When set, clients must log in with exactly these credentials (AUTH PLAIN/LOGIN). */
  auth?: { user: string; pass: string };
  /** Called with each accepted mail (run-sinks prints them). */
  onMail?: (mail: TReceivedMail) => void;
};

export type TSmtpSink = {
  host: string;
  port: number;
  /** Every accepted mail, oldest first. */
  readonly mails: TReceivedMail[];
  /** The next `count` deliveries fail with `failure` (counted per message, not per recipient). */
  failNext(count: number, failure: TSmtpFailure): void;
  /** Resolves with the first mail (already received or arriving within `timeoutMs`) that matches. */
  waitFor(predicate?: (mail: TReceivedMail) => boolean, timeoutMs?: number): Promise<TReceivedMail>;
  /**
   * Holds every mail after the first `accepted` ones (counted from the start) unanswered, its
   * sender waiting at the provider, until `release()`: a slow provider to interrupt mid-send.
   */
  holdAfter(accepted: number): void;
  /** Mails received but not yet answered because of `holdAfter`. */
  readonly held: number;
  /**
   * Held mails whose sender hung up before the answer (a killed worker): not delivered, as an MTA
   * that accepts a mail only with its reply would do, and the sender counts them as not sent.
   */
  readonly abandoned: number;
  /** Held mails whose sender has hung up (they will be abandoned when released). */
  readonly heldHungUp: number;
  /** Answers the held mails and stops holding. */
  release(): void;
  /** Forgets received mails and pending failures. */
  reset(): void;
  close(): Promise<void>;
};

function smtpError(failure: TSmtpFailure): Error {
  const err = new Error(
    failure.message ?? (failure.code >= 500 ? "Mailbox unavailable" : "Try again later"),
  ) as Error & {
    responseCode: number;
  };
  err.responseCode = failure.code;
  return err;
}

function headersOf(lines: readonly { key: string; line: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, line } of lines) {
    const colon = line.indexOf(":");
    out[key.toLowerCase()] = line
      .slice(colon + 1)
      .replace(/\r?\n[ \t]+/g, " ")
      .trim();
  }
  return out;
}

export async function startSmtpSink(options: TSmtpSinkOptions = {}): Promise<TSmtpSink> {
  const mails: TReceivedMail[] = [];
  const failures: TSmtpFailure[] = [];
  const host = options.host ?? "127.0.0.1";
  let holdFrom = Infinity;
  let arrived = 0;
  let held = 0;
  let abandoned = 0;
  const closedSessions = new Set<string>();
  const heldSessions: string[] = [];
  let released: Promise<void> = Promise.resolve();
  let releaseHeld = () => undefined as void;

  /** Takes the next scripted failure for `stage`, if it is that stage's turn. */
  const takeFailure = (stage: "rcpt" | "data") =>
    (failures[0]?.stage ?? "rcpt") === stage ? failures.shift() : undefined;

  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.auth ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const { user, pass } = options.auth ?? {};
      if (auth.username === user && auth.password === pass)
        return callback(null, { user: auth.username });
      callback(smtpError({ code: 535, message: "Authentication credentials invalid" }));
    },
    onRcptTo(_address, session, callback) {
      // One scripted failure per message: only its first recipient can draw it.
      const failure = session.envelope.rcptTo.length === 0 ? takeFailure("rcpt") : undefined;
      callback(failure ? smtpError(failure) : null);
    },
    onClose(session) {
      closedSessions.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const failure = takeFailure("data");
        if (failure) return callback(smtpError(failure));
        const raw = Buffer.concat(chunks).toString("utf8");
        const hold = ++arrived > holdFrom;
        if (hold) {
          held++;
          heldSessions.push(session.id);
        }
        (hold ? released.then(() => void held--) : Promise.resolve())
          .then(() => {
            if (!hold || !closedSessions.has(session.id)) return simpleParser(raw);
            abandoned++;
            return undefined;
          })
          .then((parsed) => {
            if (!parsed) return callback();
            const mail: TReceivedMail = {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
              fromHeader: parsed.from?.text ?? "",
              subject: parsed.subject ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
              text: parsed.text ?? "",
              headers: headersOf(parsed.headerLines),
              messageId: parsed.messageId ?? "",
              user: typeof session.user === "string" ? session.user : undefined,
              raw,
            };
            mails.push(mail);
            options.onMail?.(mail);
            callback();
          })
          .catch((err: Error) => callback(err));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  server.on("error", () => {}); // a client dropping mid-session must not crash the test run
  const port = (server.server.address() as AddressInfo).port;

  return {
    host,
    port,
    mails,
    failNext(count, failure) {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    holdAfter(accepted) {
      holdFrom = accepted;
      released = new Promise<void>((resolve) => (releaseHeld = resolve));
    },
    get held() {
      return held;
    },
    get abandoned() {
      return abandoned;
    },
    get heldHungUp() {
      return held && heldSessions.filter((id) => closedSessions.has(id)).length;
    },
    release() {
      holdFrom = Infinity;
      releaseHeld();
    },
    waitFor(predicate = () => true, timeoutMs = 10_000) {
      return waitUntil(() => mails.find(predicate), timeoutMs, "SMTP sink: no matching mail");
    },
    reset() {
      mails.length = 0;
      failures.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
