import { and, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db";
import { messages, otpCodes, type TOtpCode } from "@/db/schema";

/** Stores a new code; older codes for the same destination and reference stop working. */
export async function insertOtpCode(row: typeof otpCodes.$inferInsert, ex: Executor) {
  await ex
    .update(otpCodes)
    .set({ supersededAt: new Date() })
    .where(
      and(
        eq(otpCodes.workspaceId, row.workspaceId),
        eq(otpCodes.destination, row.destination),
        eq(otpCodes.referenceId, row.referenceId),
        isNull(otpCodes.verifiedAt),
        isNull(otpCodes.supersededAt),
      ),
    );
  await ex.insert(otpCodes).values(row);
}

export async function linkOtpMessage(
  workspaceId: string,
  id: string,
  messageId: string | null,
  ex: Executor,
) {
  await ex
    .update(otpCodes)
    .set({ messageId })
    .where(and(eq(otpCodes.workspaceId, workspaceId), eq(otpCodes.id, id)));
}

/** The live code for a destination and reference, row-locked for the attempt. */
export async function lockCurrentOtpCode(
  workspaceId: string,
  destination: string,
  referenceId: string,
  ex: Executor,
): Promise<TOtpCode | null> {
  const [row] = await ex
    .select()
    .from(otpCodes)
    .where(
      and(
        eq(otpCodes.workspaceId, workspaceId),
        eq(otpCodes.destination, destination),
        eq(otpCodes.referenceId, referenceId),
        isNull(otpCodes.verifiedAt),
        isNull(otpCodes.supersededAt),
      ),
    )
    .orderBy(desc(otpCodes.createdAt))
    .limit(1)
    .for("update");
  return row ?? null;
}

export async function recordOtpAttempt(
  workspaceId: string,
  id: string,
  patch: { attempts: number; verifiedAt?: Date },
  ex: Executor,
) {
  await ex
    .update(otpCodes)
    .set(patch)
    .where(and(eq(otpCodes.workspaceId, workspaceId), eq(otpCodes.id, id)));
}

/** Replaces a message's stored content (an OTP message's code, masked once the provider has it). */
export async function replaceMessageContent(
  workspaceId: string,
  messageId: string,
  content: Record<string, unknown>,
  ex: Executor,
) {
  await ex
    .update(messages)
    .set({ content })
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, messageId)));
}
