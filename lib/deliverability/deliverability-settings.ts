import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { findDeliverabilitySettings, saveDeliverabilitySettings } from "@/db/queries/suppressions";
import { appKeyRing } from "@/lib/crypto/app-secret";
import { decryptSecret, encryptSecret, isSealed } from "@/lib/channels/secret-box";

/** The key ring purpose the ESP webhook keys are sealed under (re-sealed by lib/crypto/reseal-secrets.ts). */
export const SEAL_PURPOSE = "deliverability-secrets";
const TOKEN_PURPOSE = "feedback-webhooks";

export const DEFAULT_SOFT_BOUNCE = { limit: 3, windowDays: 7, suppressDays: 7 };

/** The ESPs' webhook keys: SendGrid's public key is public; the others are sealed at rest. */
const SECRET_KEYS = ["mailgunSigningKey", "resendSecret"] as const;

export const ZDeliverabilitySettings = z.object({
  softBounceLimit: z.number().int().min(1).max(100),
  softBounceWindowDays: z.number().int().min(1).max(90),
  softBounceSuppressDays: z.number().int().min(1).max(365),
  /** Base64 DER (SPKI) or PEM of SendGrid's "Signed Event Webhook" verification key; "" clears. */
  sendgridPublicKey: z.string().max(2000).optional(),
  /** Mailgun's HTTP webhook signing key; "" clears, absent keeps. */
  mailgunSigningKey: z.string().max(500).optional(),
  /** Resend's (Svix) signing secret, `whsec_…`; "" clears, absent keeps. */
  resendSecret: z.string().max(500).optional(),
});
export type TDeliverabilitySettingsInput = z.infer<typeof ZDeliverabilitySettings>;

export async function loadDeliverabilitySettings(workspaceId: string) {
  const row = await findDeliverabilitySettings(workspaceId);
  const keys = row?.keys ?? {};
  const ring = appKeyRing(SEAL_PURPOSE);
  const open = (name: string) => {
    const v = keys[name];
    if (!v) return null;
    return isSealed(v) ? decryptSecret(v, ring.all, `${workspaceId}.${name}`) : v;
  };
  return {
    softBounceLimit: row?.softBounceLimit ?? DEFAULT_SOFT_BOUNCE.limit,
    softBounceWindowDays: row?.softBounceWindowDays ?? DEFAULT_SOFT_BOUNCE.windowDays,
    softBounceSuppressDays: row?.softBounceSuppressDays ?? DEFAULT_SOFT_BOUNCE.suppressDays,
    sendgridPublicKey: keys.sendgridPublicKey || null,
    mailgunSigningKey: open("mailgunSigningKey"),
    resendSecret: open("resendSecret"),
  };
}

/** What the settings page shows: secrets only as set or not. */
export async function describeDeliverabilitySettings(workspaceId: string) {
  const s = await loadDeliverabilitySettings(workspaceId);
  return {
    softBounceLimit: s.softBounceLimit,
    softBounceWindowDays: s.softBounceWindowDays,
    softBounceSuppressDays: s.softBounceSuppressDays,
    sendgridPublicKey: s.sendgridPublicKey ?? "",
    mailgunSigningKeySet: Boolean(s.mailgunSigningKey),
    resendSecretSet: Boolean(s.resendSecret),
  };
}

export async function updateDeliverabilitySettings(
  workspaceId: string,
  userId: string,
  input: TDeliverabilitySettingsInput,
) {
  const current = await findDeliverabilitySettings(workspaceId);
  const keys: Record<string, string> = { ...(current?.keys ?? {}) };
  if (input.sendgridPublicKey !== undefined)
    keys.sendgridPublicKey = input.sendgridPublicKey.trim();
  const ring = appKeyRing(SEAL_PURPOSE);
  for (const name of SECRET_KEYS) {
    const v = input[name];
    if (v === undefined) continue;
    if (v.trim() === "") delete keys[name];
    else keys[name] = encryptSecret(v.trim(), ring.current, `${workspaceId}.${name}`);
  }
  await saveDeliverabilitySettings(workspaceId, {
    softBounceLimit: input.softBounceLimit,
    softBounceWindowDays: input.softBounceWindowDays,
    softBounceSuppressDays: input.softBounceSuppressDays,
    keys,
    updatedBy: userId,
    updatedAt: new Date(),
  });
}

const tokenFor = (key: Buffer, workspaceId: string) =>
  createHmac("sha256", key).update(`feedback\n${workspaceId}`).digest().subarray(0, 18);

/**
 * The secret in a workspace's feedback webhook URLs: derived from AUTH_SECRET, so nothing is
 * stored, and the URLs keep working through a rotation while the old secret is kept.
 */
export function feedbackToken(workspaceId: string): string {
  return tokenFor(appKeyRing(TOKEN_PURPOSE).current.key, workspaceId).toString("base64url");
}

export function verifyFeedbackToken(workspaceId: string, token: string): boolean {
  const given = Buffer.from(token, "base64url");
  if (given.length !== 18) return false;
  return appKeyRing(TOKEN_PURPOSE).all.some((k) =>
    timingSafeEqual(tokenFor(k.key, workspaceId), given),
  );
}
