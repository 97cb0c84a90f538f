import { CHANNEL_META } from "@/lib/channels/channel-meta";
import { SOURCE_LABELS } from "@/lib/contacts/channel-labels";
import { SUPPRESSION_REASON_LABELS } from "@/lib/deliverability/suppression-labels";

/**
 * A message's stored `reason` (written in English by the send path, kept as it is for the API and
 * for rows written before any of this) read back as a catalogue key and its values, so the log
 * shows it in the viewer's language. Each pattern mirrors the one place that writes it
 * (reason-message.test.ts builds every reason with the writers themselves); a reason that matches
 * none (a provider's own error text) is shown as it is. Values that are codes (`channel`,
 * `source`, `suppression`) are translated by the caller; `detail` is the provider's or Liquid's
 * own words and stays as written.
 */
export type TReasonMessage =
  | { key: "optedOutAll"; values: { source: string } }
  | { key: "optedOutChannel"; values: { channel: string; source: string } }
  | { key: "suppressed"; values: { suppression: string } }
  | { key: "topicOptOut"; values: { topic: string } }
  | { key: "noProvider"; values: { channel: string } }
  | { key: "providerError"; values: { detail: string } }
  | { key: "templateError"; values: { detail: string } }
  | {
      key:
        | "noEmailAddress"
        | "noPhoneNumber"
        | "noPushToken"
        | "noUserId"
        | "frequencyCap"
        | "noPublishedVersion"
        | "contactGone"
        | "noRecipient"
        | "journeyStopped"
        | "providerRate"
        | "handedBack";
      values: Record<string, never>;
    };

const invert = (labels: Record<string, string>, lower = false) =>
  new Map(
    Object.entries(labels).map(([code, label]) => [lower ? label.toLowerCase() : label, code]),
  );

const SOURCE_BY_LABEL = invert(SOURCE_LABELS);
const SUPPRESSION_BY_LABEL = invert(SUPPRESSION_REASON_LABELS, true);
const CHANNEL_BY_SENTENCE = new Map(
  Object.entries(CHANNEL_META).map(([channel, m]) => [m.inSentence, channel]),
);
/** What a contact lacks, by the words `chooseRecipient` uses (SMS and voice share "phone number"). */
const MISSING: Record<string, TReasonMessage["key"]> = {
  "email address": "noEmailAddress",
  "phone number": "noPhoneNumber",
  "push token": "noPushToken",
  "user id": "noUserId",
};

const FIXED: Record<string, TReasonMessage["key"]> = {
  "the template has no published version": "noPublishedVersion",
  "the contact no longer exists": "contactGone",
  "no recipient": "noRecipient",
  "journey stopped": "journeyStopped",
  // FREQUENCY_CAP_REASON (lib/messages/send/frequency-cap.ts, which reads the database: the
  // browser must not import it; the test checks the two agree).
  "frequency cap": "frequencyCap",
  "the provider's send rate is reached; tried again shortly": "providerRate",
  "not sent: handed back on shutdown": "handedBack",
};

export function reasonMessage(reason: string): TReasonMessage | null {
  const fixed = FIXED[reason];
  if (fixed) return { key: fixed, values: {} } as TReasonMessage;
  let m = /^opted out of all messages \((.+)\)$/.exec(reason);
  if (m) return { key: "optedOutAll", values: { source: SOURCE_BY_LABEL.get(m[1]!) ?? m[1]! } };
  m = /^opted out of (.+) \((.+)\)$/.exec(reason);
  if (m && CHANNEL_BY_SENTENCE.has(m[1]!))
    return {
      key: "optedOutChannel",
      values: {
        channel: CHANNEL_BY_SENTENCE.get(m[1]!)!,
        source: SOURCE_BY_LABEL.get(m[2]!) ?? m[2]!,
      },
    };
  // "no user id (anonymous visitors have no in-app inbox)" carries its why in brackets.
  m = /^no ([a-z ]+?)(?: \(.*\))?$/.exec(reason);
  if (m && MISSING[m[1]!]) return { key: MISSING[m[1]!], values: {} } as TReasonMessage;
  m = /^suppressed \((.+)\)$/.exec(reason);
  if (m && SUPPRESSION_BY_LABEL.has(m[1]!))
    return { key: "suppressed", values: { suppression: SUPPRESSION_BY_LABEL.get(m[1]!)! } };
  m = /^topic_opt_out: not subscribed to "(.*)"$/.exec(reason);
  if (m) return { key: "topicOptOut", values: { topic: m[1]! } };
  m = /^no provider for (.+)$/.exec(reason);
  if (m) return { key: "noProvider", values: { channel: m[1]! } };
  m = /^provider error: ([\s\S]*)$/.exec(reason);
  if (m) return { key: "providerError", values: { detail: m[1]! } };
  m = /^template error: ([\s\S]*)$/.exec(reason);
  if (m) return { key: "templateError", values: { detail: m[1]! } };
  return null;
}
