import { db } from "@/db";
import { findMessageAnyWorkspace } from "@/db/queries/messages";
import { appKey } from "@/lib/crypto/app-secret";
import { verifyTrackingToken, type TTrackingPurpose } from "./tracking-tokens";

export const trackingKey = () => appKey("tracking-links");

/** The message a tracking token names, when the token is genuine and the message still exists. */
export async function resolveTrackingToken(purpose: TTrackingPurpose, token: string, extra = "") {
  const messageId = verifyTrackingToken(trackingKey(), purpose, token, extra);
  if (!messageId) return null;
  return findMessageAnyWorkspace(messageId, db());
}
