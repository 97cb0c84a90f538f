import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { insertOtpCode, linkOtpMessage, replaceMessageContent } from "@/db/queries/otp-codes";
import { findMessage } from "@/db/queries/messages";
import { takeThrottled, type TThrottleSubject } from "@/lib/rate-limit/throttle";
import type { TWorkspaceNaming } from "../transactional/resolve-content";
import { sendTransactional } from "../transactional/send-transactional";
import type { TContentFields } from "../transactional/send-request";
import { generateOtpCode, hashOtpCode } from "./otp-code";
import type { TSendOtp } from "./otp-request";

/** What each channel says; brand and code arrive as `context`, never spliced into the template. */
function contentFor(input: TSendOtp): TContentFields {
  const expires = `It expires in ${input.validityMinutes} minute${input.validityMinutes === 1 ? "" : "s"}.`;
  switch (input.channel) {
    case "sms":
      return {
        body: `{{ context.brand }}: {{ context.code }} is your verification code. ${expires}`,
      };
    case "voice":
      return {
        body: `Your {{ context.brand }} verification code is {{ context.spoken }}. Again: {{ context.spoken }}.`,
      };
    case "email":
      return {
        subject: "{{ context.brand }} verification code",
        body: `Your verification code is {{ context.code }}. ${expires} If you did not ask for it, ignore this email.`,
      };
  }
}

const MASK = "••••••";

/** Replaces the code in the stored copy of a message (the provider already has the real one). */
function masked(value: unknown, code: string, spoken: string): unknown {
  if (typeof value === "string") return value.split(spoken).join(MASK).split(code).join(MASK);
  if (Array.isArray(value)) return value.map((v) => masked(v, code, spoken));
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === "messageId" || k === "to" ? v : masked(v, code, spoken),
      ]),
    );
  return value;
}

/**
 * `POST /api/v1/otp` (Pinpoint's SendOTPMessage): a fresh code for a destination and reference,
 * sent through the transactional lane. Rate-limited per destination and per number range before
 * anything is generated (SMS pumping), stored only as an HMAC, and masked in the message log
 * once a real provider has it (the Outbox keeps it readable: it is where development reads it).
 */
export async function sendOtp(
  workspaceId: string,
  input: TSendOtp,
  /** The workspace's name and zone when the caller has them (the API key's lookup does). */
  workspace?: TWorkspaceNaming,
) {
  const subjects: TThrottleSubject[] = [
    { name: "otp:destination", id: `${workspaceId}:${input.destination}` },
  ];
  if (input.channel !== "email")
    subjects.push({
      name: "otp:range",
      id: `${workspaceId}:${input.destination.slice(0, -3)}`,
    });
  for (const s of subjects) await takeThrottled(s);

  const id = randomUUID();
  const code = generateOtpCode(input.codeLength);
  const spoken = code.split("").join(", ");
  const expiresAt = new Date(Date.now() + input.validityMinutes * 60_000);
  await db().transaction((tx) =>
    insertOtpCode(
      {
        id,
        workspaceId,
        referenceId: input.referenceId,
        channel: input.channel,
        destination: input.destination,
        codeHash: hashOtpCode(id, code),
        expiresAt,
        maxAttempts: input.allowedAttempts,
      },
      tx,
    ),
  );
  const address =
    input.channel === "email" ? { email: input.destination } : { phone: input.destination };
  const { results } = await sendTransactional(
    workspaceId,
    {
      channel: input.channel,
      content: contentFor(input),
      recipients: [{ ...address, context: { brand: input.brandName, code, spoken } }],
      idempotencyKey: `otp:${id}`,
    },
    { origin: { otp: true, referenceId: input.referenceId }, workspace },
  );
  const result = results[0]!;
  if (result.messageId) {
    await linkOtpMessage(workspaceId, id, result.messageId, db());
    const message = await findMessage(workspaceId, result.messageId, db());
    // Masked once the provider has it for good (a message queued for a retry keeps its bytes).
    if (
      message?.content &&
      message.provider !== "outbox" &&
      message.status !== "queued" &&
      message.status !== "sending"
    )
      await replaceMessageContent(
        workspaceId,
        message.id,
        masked(message.content, code, spoken) as Record<string, unknown>,
        db(),
      );
  }
  return {
    messageId: result.messageId,
    deliveryStatus: result.status,
    reason: result.reason,
    referenceId: input.referenceId,
    expiresAt: expiresAt.toISOString(),
  };
}
