import { z } from "zod";
import parsePhoneNumber from "libphonenumber-js/max";

/**
 * Number types an OTP never goes to: premium-rate and shared-cost numbers earn their owner money
 * per message or call (SMS pumping, international revenue share fraud), and the others are not a
 * person's phone.
 */
const REFUSED_TYPES = new Set([
  "PREMIUM_RATE",
  "SHARED_COST",
  "UAN",
  "PAGER",
  "PERSONAL_NUMBER",
  "VOICEMAIL",
]);

const ZReferenceId = z
  .string()
  .trim()
  .min(1)
  .max(48)
  .regex(/^[A-Za-z0-9._:-]+$/, "Letters, digits and . _ : - only");

const ZOtpChannel = z.enum(["sms", "voice", "email"]);

/** `destination` checked for the channel, and normalised: E.164 for a phone, lower case for email. */
function destinationFor(channel: z.infer<typeof ZOtpChannel>, raw: string, ctx: z.RefinementCtx) {
  if (channel === "email") {
    if (!z.email().safeParse(raw).success)
      ctx.addIssue({ code: "custom", path: ["destination"], message: "An email address" });
    return raw.toLowerCase();
  }
  const phone = /^\+[1-9]\d{6,14}$/.test(raw) ? parsePhoneNumber(raw) : undefined;
  if (!phone?.isValid() || phone.number !== raw) {
    ctx.addIssue({
      code: "custom",
      path: ["destination"],
      message: "An E.164 phone number like +14155550100",
    });
    return raw;
  }
  const type = phone.getType();
  if (type && REFUSED_TYPES.has(type))
    ctx.addIssue({
      code: "custom",
      path: ["destination"],
      message: `Refused: a ${type.toLowerCase().replace(/_/g, "-")} number (one-time passcodes go to personal phones only)`,
    });
  return raw;
}

export const ZSendOtp = z
  .object({
    channel: ZOtpChannel,
    destination: z.string().trim().min(3).max(320),
    /** Shown in the message: "Acme: 123456 is your verification code". */
    brandName: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[^{}<>%]+$/, "No braces, angle brackets or %"),
    codeLength: z.number().int().min(4).max(10).default(6),
    validityMinutes: z.number().int().min(1).max(60).default(10),
    allowedAttempts: z.number().int().min(1).max(10).default(3),
    /** What the code is for (`login`, `reset-password`); verify names the same one. */
    referenceId: ZReferenceId,
    /** BCP 47 language of a voice call. */
    language: z
      .string()
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "A BCP 47 tag like en-US")
      .default("en-US"),
  })
  .strict()
  .transform((r, ctx) => ({ ...r, destination: destinationFor(r.channel, r.destination, ctx) }));
export type TSendOtp = z.infer<typeof ZSendOtp>;

export const ZVerifyOtp = z
  .object({
    destination: z.string().trim().min(3).max(320),
    referenceId: ZReferenceId,
    otp: z
      .string()
      .trim()
      .regex(/^\d{4,10}$/, "4 to 10 digits"),
  })
  .strict()
  .transform((r) => ({
    ...r,
    destination: r.destination.includes("@") ? r.destination.toLowerCase() : r.destination,
  }));
export type TVerifyOtp = z.infer<typeof ZVerifyOtp>;
