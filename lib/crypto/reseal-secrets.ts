import { resealDeliverabilitySecrets } from "@/lib/deliverability/reseal-deliverability-secrets";
import {
  resealChannelSecrets,
  type TResealResult,
} from "@/lib/messages/send/reseal-channel-secrets";
import { resealStreamSecrets } from "@/lib/stream/reseal-stream-secrets";

/**
 * Every secret Waymark stores sealed, by where it lives. Tokens derived from AUTH_SECRET (message
 * links, feedback webhook URLs, OTP hashes) are not stored and need no re-sealing: they verify
 * under every kept key until the previous secret is dropped (docs/operations.md).
 */
export type TResealAll = {
  channels: TResealResult;
  stream: TResealResult;
  deliverability: TResealResult;
};

/**
 * The second half of an AUTH_SECRET rotation: every stored secret sealed under a previous secret
 * is sealed again under the current one. Runs at start (after migrations) and from
 * `npm run db:reseal-secrets`; a second run changes nothing.
 */
export async function resealSecrets(): Promise<TResealAll> {
  return {
    channels: await resealChannelSecrets(),
    stream: await resealStreamSecrets(),
    deliverability: await resealDeliverabilitySecrets(),
  };
}

export const resealedCount = (r: TResealAll) =>
  r.channels.resealed + r.stream.resealed + r.deliverability.resealed;

export const unreadableSecrets = (r: TResealAll) => [
  ...r.channels.unreadable,
  ...r.stream.unreadable,
  ...r.deliverability.unreadable,
];
