import type { TAwsInboundSms } from "@/lib/messages/engagement/aws-sms-inbound";
import type { TFeedback } from "../feedback-types";

/** What a receiver made of a request: feedback to apply, or why it is refused. */
export type TParsed =
  | {
      ok: true;
      feedback: TFeedback[];
      /** Event types the receiver knows and deliberately ignores (opens, clicks, sends). */
      ignored: number;
      /** Items of an unknown type in a batch: logged, never applied. */
      unknown: string[];
      /** Texts contacts sent to End User Messaging numbers (two-way SMS through SNS). */
      inboundSms?: TAwsInboundSms[];
    }
  | { ok: false; status: 400 | 401 | 403 | 409; code: string; why: string };

export const refuse = (
  status: 400 | 401 | 403 | 409,
  code: string,
  why: string,
): Extract<TParsed, { ok: false }> => ({ ok: false, status, code, why });

export const parsedOk = (
  feedback: TFeedback[],
  ignored = 0,
  unknown: string[] = [],
): Extract<TParsed, { ok: true }> => ({ ok: true, feedback, ignored, unknown });

/** A request a receiver reads: its headers and the exact bytes of its body (signatures cover them). */
export type TWebhookRequest = { headers: Headers; body: string };

export function parseJsonBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Seconds since the epoch, as webhook timestamp headers carry them, within `windowMs` of now. */
export function freshTimestamp(raw: string | null | undefined, windowMs: number, now = Date.now()) {
  if (!raw || !/^\d{1,13}$/.test(raw)) return false;
  const n = Number(raw);
  const ms = n < 1e12 ? n * 1000 : n;
  return Math.abs(now - ms) <= windowMs;
}
