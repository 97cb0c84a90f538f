import { createHash } from "node:crypto";
import type { TFeedback } from "../feedback-types";
import { waymarkMessageId } from "../feedback-types";
import { dsnOutcome, parseDsn } from "../dsn/parse-dsn";
import { parsedOk, refuse, type TParsed } from "./types";

/**
 * A bounce an SMTP server mailed back (RFC 3464), handed over raw (a mail server pipes the
 * bounce address's mail to the ingestion URL). The VERP return path it was sent to, or the
 * original message's Message-ID, names the message; a report that is not a DSN is refused.
 */
export function receiveDsn(raw: string): TParsed {
  const dsn = parseDsn(raw);
  if (!dsn) return refuse(400, "unknown_type", "not a delivery status notification");
  const messageId = waymarkMessageId(dsn.to) ?? waymarkMessageId(dsn.originalMessageId);
  const reportId = dsn.dsnMessageId ?? createHash("sha256").update(raw).digest("hex");
  const feedback: TFeedback[] = [];
  let ignored = 0;
  for (const r of dsn.recipients) {
    const type = dsnOutcome(r);
    if (!type) {
      ignored++;
      continue;
    }
    feedback.push({
      source: "smtp_dsn",
      eventId: `${reportId}:${r.finalRecipient.toLowerCase()}`,
      type,
      channel: "email",
      address: r.finalRecipient,
      messageId,
      occurredAt: dsn.arrivalDate ? new Date(dsn.arrivalDate) : new Date(),
      detail: { status: r.status, diagnostic: r.diagnosticCode, reportingMta: dsn.reportingMta },
    });
  }
  for (const f of feedback) if (Number.isNaN(f.occurredAt.getTime())) f.occurredAt = new Date();
  return parsedOk(feedback, ignored);
}
