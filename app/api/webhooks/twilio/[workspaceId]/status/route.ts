import { withTwilioSignature } from "@/app/_server/with-twilio-signature";
import { handleTwilioStatus } from "@/lib/messages/engagement/twilio-webhooks";

/** Delivery receipts: set as each SMS's and call's StatusCallback. */
export const POST = withTwilioSignature(handleTwilioStatus);
