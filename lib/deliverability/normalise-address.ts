import type { TSuppression } from "@/db/schema";

export type TSuppressibleChannel = "email" | "sms" | "voice";
export const SUPPRESSIBLE_CHANNELS: readonly TSuppressibleChannel[] = ["email", "sms", "voice"];

export const isSuppressible = (channel: TSuppression["channel"]): channel is TSuppressibleChannel =>
  (SUPPRESSIBLE_CHANNELS as readonly string[]).includes(channel);

/**
 * The one spelling an address is suppressed and looked up under: an email trimmed and lower-cased
 * (mailbox local parts are case-insensitive at every provider that matters), a phone number with
 * everything but a leading `+` and digits removed. Null when nothing address-like is left.
 */
export function normaliseAddress(channel: TSuppressibleChannel, raw: string): string | null {
  if (channel === "email") {
    const email = raw.trim().replace(/^<|>$/g, "").toLowerCase();
    return /^[^\s@]+@[^\s@]+$/.test(email) && email.length <= 320 ? email : null;
  }
  const digits = raw.replace(/[^\d]/g, "");
  if (digits.length < 5 || digits.length > 15) return null;
  return `${raw.trim().startsWith("+") ? "+" : ""}${digits}`;
}
