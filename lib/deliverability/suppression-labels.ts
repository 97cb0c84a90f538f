/** Why an address is suppressed, in a marketer's words. */
export const SUPPRESSION_REASON_LABELS: Record<string, string> = {
  hard_bounce: "Hard bounce",
  soft_bounce: "Repeated soft bounces",
  complaint: "Spam complaint",
  rejected: "Rejected by the provider",
  blocked: "Blocked by the carrier",
  manual: "Added by hand",
};

/** Who reported it. */
export const SUPPRESSION_SOURCE_LABELS: Record<string, string> = {
  ses: "Amazon SES",
  sms_events: "AWS End User Messaging",
  sendgrid: "SendGrid",
  postmark: "Postmark",
  mailgun: "Mailgun",
  resend: "Resend",
  smtp_dsn: "SMTP bounce (DSN)",
  import: "CSV import",
  manual: "Waymark UI",
};

export const suppressionReasonLabel = (r: string) => SUPPRESSION_REASON_LABELS[r] ?? r;
export const suppressionSourceLabel = (s: string) => SUPPRESSION_SOURCE_LABELS[s] ?? s;

/** The skip reason a send records: always starts with "suppressed". */
export const suppressedSkipReason = (reason: string) =>
  `suppressed (${suppressionReasonLabel(reason).toLowerCase()})`;
