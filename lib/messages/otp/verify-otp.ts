import { db } from "@/db";
import { lockCurrentOtpCode, recordOtpAttempt } from "@/db/queries/otp-codes";
import { takeThrottled } from "@/lib/rate-limit/throttle";
import { otpCodeMatches } from "./otp-code";
import type { TVerifyOtp } from "./otp-request";

export type TVerifyResult = {
  valid: boolean;
  /** Why not: no code was sent (or it was used or replaced), it expired, it is locked, or it is wrong. */
  reason: "no_active_code" | "expired" | "locked" | "mismatch" | null;
  attemptsRemaining: number;
};

/**
 * `POST /api/v1/otp/verify` (Pinpoint's VerifyOTPMessage). Checks the latest code for the
 * destination and reference under a row lock, so concurrent guesses are counted one by one: a
 * code is good once, until it expires, for its allowed attempts. Guesses per destination are
 * also rate-limited across codes, so asking for new codes does not buy unlimited guesses.
 */
export async function verifyOtp(workspaceId: string, input: TVerifyOtp): Promise<TVerifyResult> {
  await takeThrottled({
    name: "otp-verify:destination",
    id: `${workspaceId}:${input.destination}`,
  });
  return db().transaction(async (tx) => {
    const row = await lockCurrentOtpCode(workspaceId, input.destination, input.referenceId, tx);
    if (!row) return { valid: false, reason: "no_active_code", attemptsRemaining: 0 };
    if (row.expiresAt.getTime() <= Date.now())
      return { valid: false, reason: "expired", attemptsRemaining: 0 };
    if (row.attempts >= row.maxAttempts)
      return { valid: false, reason: "locked", attemptsRemaining: 0 };
    const attempts = row.attempts + 1;
    const valid = otpCodeMatches(row.id, input.otp, row.codeHash);
    await recordOtpAttempt(
      workspaceId,
      row.id,
      valid ? { attempts, verifiedAt: new Date() } : { attempts },
      tx,
    );
    return valid
      ? { valid: true, reason: null, attemptsRemaining: 0 }
      : { valid: false, reason: "mismatch", attemptsRemaining: row.maxAttempts - attempts };
  });
}
