import { db } from "@/db";
import { findMessageAnyWorkspace } from "@/db/queries/messages";
import { appKeyRing } from "@/lib/crypto/app-secret";
import { verifyTrackingToken, type TTrackingPurpose } from "./tracking-tokens";

/** Signs new message links (the ring's current key). */
export const trackingKey = () => appKeyRing("tracking-links").current;
/** Every key a message link may have been signed with: the current and the previous secrets'. */
export const trackingKeys = () => appKeyRing("tracking-links").all;

/** The message a tracking token names, when the token is genuine and the message still exists. */
export async function resolveTrackingToken(purpose: TTrackingPurpose, token: string, extra = "") {
  const messageId = verifyTrackingToken(trackingKeys(), purpose, token, extra);
  if (!messageId) return null;
  return findMessageAnyWorkspace(messageId, db());
}
