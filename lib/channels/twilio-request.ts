import {
  fetchOrFailure,
  isRetryableStatus,
  parseRetryAfter,
  readJson,
  scrub,
  type TFailure,
} from "./http-outcome";
import type { TTwilioConfig } from "./provider-config";
import type { TSendResult } from "./types";

/** Twilio error codes that mean this recipient will never be reachable this way; retrying cannot help. */
const PERMANENT_CODES: Record<string, string> = {
  "21211": "invalid 'To' number",
  "21214": "'To' number cannot be reached",
  "21408": "region not enabled for this account",
  "21610": "recipient has unsubscribed (replied STOP)",
  "21612": "'To' number cannot receive from this sender",
  "21614": "'To' number is not a mobile number",
  "21217": "'To' number is not valid for voice",
};

export type TTwilioResource = "Messages" | "Calls";

/** POSTs a form to a Twilio(-compatible) account resource and reads the answer as a send result. */
export async function postToTwilio(
  config: TTwilioConfig,
  resource: TTwilioResource,
  form: Record<string, string | undefined>,
  timeoutMs?: number,
): Promise<TSendResult> {
  const url = `${config.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/${resource}.json`;
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) if (v !== undefined && v !== "") body.set(k, v);
  const got = await fetchOrFailure(
    url,
    {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body,
    },
    "Twilio",
    timeoutMs,
  );
  if ("failure" in got) return got.failure;
  const { response } = got;
  const json = (await readJson(response)) as
    { sid?: string; code?: number | string; message?: string } | undefined;
  if (response.ok) return { ok: true, status: "sent", providerMessageId: json?.sid };
  return classifyTwilioError(response.status, json, response.headers.get("retry-after"), [
    config.authToken,
  ]);
}

export function classifyTwilioError(
  status: number,
  json: { code?: number | string; message?: string } | undefined,
  retryAfter: string | null,
  secrets: readonly string[],
): TFailure {
  const twilioCode = json?.code !== undefined ? String(json.code) : undefined;
  const detail = scrub(json?.message ?? `HTTP ${status}`, secrets);
  if (status === 401 || status === 403) {
    return {
      ok: false,
      retryable: false,
      reason: `Twilio rejected the account SID or auth token (HTTP ${status})`,
      code: twilioCode ?? String(status),
    };
  }
  if (isRetryableStatus(status)) {
    return {
      ok: false,
      retryable: true,
      reason: `Twilio is busy or failing (HTTP ${status}): ${detail}`,
      code: twilioCode ?? String(status),
      retryAfterSeconds: parseRetryAfter(retryAfter),
    };
  }
  const known = twilioCode ? PERMANENT_CODES[twilioCode] : undefined;
  return {
    ok: false,
    retryable: false,
    reason: known ? `Twilio ${twilioCode}: ${known}` : `Twilio ${twilioCode ?? status}: ${detail}`,
    code: twilioCode ?? String(status),
  };
}
