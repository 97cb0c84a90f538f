import { findWorkspaceById } from "@/db/queries/workspaces";
import { log } from "@/lib/log/logger";
import { handleAwsInboundSms } from "@/lib/messages/engagement/aws-sms-inbound";
import { applyFeedback, type TApplyResult } from "./apply-feedback";
import { loadDeliverabilitySettings, verifyFeedbackToken } from "./deliverability-settings";
import { receiveDsn } from "./receivers/dsn";
import { receiveMailgun } from "./receivers/mailgun";
import { receivePostmark } from "./receivers/postmark";
import { receiveResend } from "./receivers/resend";
import { receiveSendgrid } from "./receivers/sendgrid";
import { receiveSns } from "./receivers/sns";
import { refuse, type TParsed, type TWebhookRequest } from "./receivers/types";

/** The feedback webhooks' URL segment → receiver. */
export const FEEDBACK_ENDPOINTS = [
  "sns",
  "sendgrid",
  "postmark",
  "mailgun",
  "resend",
  "dsn",
] as const;
export type TFeedbackEndpoint = (typeof FEEDBACK_ENDPOINTS)[number];

export type TReceiveResult =
  | ({ ok: true; unknown: number; ignoredTypes: number; inboundSms?: number } & TApplyResult)
  | Extract<TParsed, { ok: false }>
  | { ok: false; status: 404; code: string; why: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Feedback into one workspace from one provider: the URL's token must be the workspace's, then
 * the provider's own signature (SNS certificates, SendGrid ECDSA, Mailgun HMAC, Svix) and replay
 * window are checked by its receiver. Whatever is refused, or of a type nobody knows, is logged
 * and never applied.
 */
export async function receiveFeedback(
  endpoint: string,
  workspaceId: string,
  token: string,
  req: TWebhookRequest,
): Promise<TReceiveResult> {
  const where = { endpoint, workspaceId };
  if (
    !(FEEDBACK_ENDPOINTS as readonly string[]).includes(endpoint) ||
    !UUID.test(workspaceId) ||
    !verifyFeedbackToken(workspaceId, token) ||
    !(await findWorkspaceById(workspaceId))
  ) {
    log.warn("delivery feedback refused: unknown endpoint, workspace or token", where);
    return { ok: false, status: 404, code: "not_found", why: "No such feedback endpoint" };
  }
  const settings = await loadDeliverabilitySettings(workspaceId);
  const parsed = await parse(endpoint as TFeedbackEndpoint, workspaceId, req, settings);
  if (!parsed.ok) {
    log.warn("delivery feedback refused", { ...where, code: parsed.code, why: parsed.why });
    return parsed;
  }
  if (parsed.unknown.length)
    log.warn("delivery feedback of unknown types skipped", { ...where, types: parsed.unknown });
  const applied = await applyFeedback(workspaceId, parsed.feedback);
  const counts = { unknown: parsed.unknown.length, ignoredTypes: parsed.ignored };
  if (!parsed.inboundSms) return { ok: true, ...applied, ...counts };
  // Inbound texts are not feedback: they are recorded (and STOP/START/HELP applied) once each.
  let recorded = 0;
  for (const sms of parsed.inboundSms)
    if (!(await handleAwsInboundSms(workspaceId, sms)).duplicate) recorded++;
  return { ok: true, ...applied, ...counts, inboundSms: recorded };
}

async function parse(
  endpoint: TFeedbackEndpoint,
  workspaceId: string,
  req: TWebhookRequest,
  settings: Awaited<ReturnType<typeof loadDeliverabilitySettings>>,
): Promise<TParsed> {
  switch (endpoint) {
    case "sns":
      return receiveSns(workspaceId, req);
    case "sendgrid":
      return receiveSendgrid(req, settings.sendgridPublicKey);
    case "postmark":
      return receivePostmark(req);
    case "mailgun":
      return receiveMailgun(req, settings.mailgunSigningKey);
    case "resend":
      return receiveResend(req, settings.resendSecret);
    case "dsn":
      return receiveDsn(req.body);
    default:
      return refuse(400, "unknown_type", "unknown endpoint");
  }
}
