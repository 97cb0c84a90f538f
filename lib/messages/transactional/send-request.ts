import { z } from "zod";
import { normalizePhone } from "@/lib/contacts/phone";
import { SEND_CHANNELS, type TSendChannel } from "@/lib/channels/types";

/** Recipients one call may carry, like Pinpoint's SendMessages. */
export const MAX_RECIPIENTS = 1000;

/** Values a template reads as `{{ context.… }}`: plain JSON, keys short. */
const ZContext = z.record(z.string().min(1).max(100), z.json());

const ZText = (max: number) => z.string().trim().min(1).max(max);

/** Inline content, or a recipient's override of the template: the fields that make a message. */
export const ZContentFields = z
  .object({
    /** Email subject. */
    subject: ZText(300).optional(),
    /** Email text (rich-text markup), SMS text, voice speech (text or SSML), push / in-app / webhook body. */
    body: ZText(100_000).optional(),
    /** Push and in-app title. */
    title: ZText(200).optional(),
  })
  .strict();
export type TContentFields = z.infer<typeof ZContentFields>;

const ZPhone = z
  .string()
  .trim()
  .max(32)
  .refine((v) => /^\+[1-9]\d{6,14}$/.test(v) && normalizePhone(v) === v, {
    message: "An E.164 phone number like +14155550100",
  });

export const ZRecipient = z
  .object({
    /** A contact by your own user id: the message goes to the contact's address for the channel. */
    userId: z.string().trim().min(1).max(255).optional(),
    /** A raw address: no contact needed. */
    email: z.email().max(320).optional(),
    phone: ZPhone.optional(),
    pushToken: z
      .object({
        platform: z.enum(["ios", "android", "web"]),
        token: z.string().trim().min(8).max(4096),
      })
      .strict()
      .optional(),
    context: ZContext.optional(),
    overrides: ZContentFields.optional(),
  })
  .strict();
export type TRecipientInput = z.infer<typeof ZRecipient>;

/** Which raw address each channel takes (a `userId` works for every channel). */
const ADDRESS_FOR: Record<TSendChannel, "email" | "phone" | "pushToken" | null> = {
  email: "email",
  sms: "phone",
  voice: "phone",
  push: "pushToken",
  in_app: null,
  webhook: null,
};

export const ZSendMessagesRequest = z
  .object({
    channel: z.enum(SEND_CHANNELS),
    /** A published template by id or name; the latest published version unless `version`. */
    template: z
      .object({
        id: z.uuid().optional(),
        name: ZText(200).optional(),
        version: z.number().int().min(1).max(1_000_000).optional(),
      })
      .strict()
      .optional(),
    /** Inline content instead of a template (Liquid allowed). */
    content: ZContentFields.optional(),
    /** Values every recipient's template sees as `context`; a recipient's own `context` wins per key. */
    context: ZContext.optional(),
    recipients: z.array(ZRecipient).min(1).max(MAX_RECIPIENTS),
    /** A retried request with the same key sends nothing again and answers the same results. */
    idempotencyKey: ZText(200).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (!r.template === !r.content)
      ctx.addIssue({
        code: "custom",
        path: [r.template ? "content" : "template"],
        message: "Give either a template or inline content, not both",
      });
    if (r.template && !r.template.id === !r.template.name)
      ctx.addIssue({
        code: "custom",
        path: ["template", "id"],
        message: "Give the template's id or its name",
      });
    const address = ADDRESS_FOR[r.channel];
    r.recipients.forEach((p, i) => {
      const given = (["userId", "email", "phone", "pushToken"] as const).filter(
        (k) => p[k] !== undefined,
      );
      if (given.length !== 1)
        ctx.addIssue({
          code: "custom",
          path: ["recipients", i, given[1] ?? "userId"],
          message: `Give exactly one of userId${address ? ` or ${address}` : ""}`,
        });
      else if (given[0] !== "userId" && given[0] !== address)
        ctx.addIssue({
          code: "custom",
          path: ["recipients", i, given[0]!],
          message: address
            ? `A ${r.channel} message goes to a userId or ${address}`
            : `A ${r.channel} message goes to a userId`,
        });
    });
  });
export type TSendMessagesRequest = z.infer<typeof ZSendMessagesRequest>;
