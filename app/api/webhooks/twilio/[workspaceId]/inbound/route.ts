import { withTwilioSignature } from "@/app/_server/with-twilio-signature";
import { handleTwilioInbound } from "@/lib/messages/engagement/twilio-webhooks";

/** Incoming SMS: point the number's "A message comes in" webhook here. */
export const POST = withTwilioSignature(handleTwilioInbound);
