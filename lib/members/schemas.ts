import { z } from "zod";
import { ZEmail } from "@/lib/auth/schemas";
import { ZRole } from "@/lib/auth/roles";

export const ZCreateInvite = z.object({ email: ZEmail, role: ZRole });
export const ZChangeRole = z.object({ role: ZRole });

export const INVITE_TTL_DAYS = 7;

export type TInviteStatus = "pending" | "accepted" | "expired" | "revoked";

export function inviteStatus(
  invite: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): TInviteStatus {
  if (invite.acceptedAt) return "accepted";
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

export function inviteExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITE_TTL_DAYS * 24 * 3600 * 1000);
}
