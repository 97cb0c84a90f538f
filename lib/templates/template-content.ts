import { z } from "zod";
import { isSafeDeepLink } from "./link-schemes";
import { richTextLinks } from "./rich-text";

/**
 * What a template version stores, per channel. Every text field may hold Liquid; colours, sizes and
 * choices never do, so they can go into styles unescaped.
 */

const MAX_TEXT = 10_000;
const liquidText = (max = MAX_TEXT) => z.string().max(max);
const requiredText = (max = MAX_TEXT) => z.string().trim().min(1, "Required").max(max);

const startsWithLiquid = (v: string) => /^\s*\{[{%]/.test(v);
/** A link target: http(s), mailto: or tel:, or Liquid that produces one at send time (checked again then). */
export const isSafeUrl = (v: string) => /^(https?:\/\/|mailto:|tel:)/i.test(v.trim());
const ZLinkUrl = requiredText(2000).refine(
  (v) => isSafeUrl(v) || startsWithLiquid(v),
  "Must start with https://, http://, mailto: or tel:, or be Liquid",
);
const ZImageUrl = requiredText(2000).refine(
  (v) => /^https?:\/\//i.test(v.trim()) || startsWithLiquid(v),
  "Must start with https:// or http://, or be Liquid",
);
const ZDeepLink = requiredText(2000).refine(
  (v) => isSafeDeepLink(v) || startsWithLiquid(v),
  "Must be an app link (myapp://…), an http(s) URL or a path; javascript: and data: are refused",
);
const ZColor = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, "A hex colour like #1a73e8");
const ZAlign = z.enum(["left", "center", "right"]);
const ZBlockId = z.string().trim().min(1).max(64);

export const FONT_STACKS = {
  system: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  helvetica: "Helvetica, Arial, sans-serif",
  georgia: "Georgia, 'Times New Roman', Times, serif",
  verdana: "Verdana, Geneva, sans-serif",
  trebuchet: "'Trebuchet MS', Helvetica, sans-serif",
  courier: "'Courier New', Courier, monospace",
} as const;

export const ZEmailTheme = z.object({
  brandColor: ZColor.default("#2563eb"),
  backgroundColor: ZColor.default("#f3f4f6"),
  fontFamily: z
    .enum(Object.keys(FONT_STACKS) as [keyof typeof FONT_STACKS, ...(keyof typeof FONT_STACKS)[]])
    .default("system"),
  contentWidth: z.number().int().min(320).max(800).default(600),
});

const ZHeadingBlock = z.object({
  id: ZBlockId,
  type: z.literal("heading"),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(1),
  text: requiredText(500),
  align: ZAlign.default("left"),
});
/** `text` uses the markup described in rich-text.ts. */
const ZTextBlock = z
  .object({
    id: ZBlockId,
    type: z.literal("text"),
    text: requiredText(),
    align: ZAlign.default("left"),
  })
  .superRefine((b, ctx) => {
    for (const url of richTextLinks(b.text))
      if (!isSafeUrl(url) && !startsWithLiquid(url))
        ctx.addIssue({
          code: "custom",
          path: ["text"],
          message: `Link "${url.slice(0, 60)}" must start with https://, http://, mailto: or tel:`,
        });
  });
const ZButtonBlock = z.object({
  id: ZBlockId,
  type: z.literal("button"),
  label: requiredText(200),
  url: ZLinkUrl,
  backgroundColor: ZColor.optional(),
  textColor: ZColor.default("#ffffff"),
  align: ZAlign.default("center"),
});
const ZImageBlock = z.object({
  id: ZBlockId,
  type: z.literal("image"),
  src: ZImageUrl,
  alt: liquidText(300).default(""),
  href: ZLinkUrl.optional(),
  width: z.number().int().min(16).max(800).default(600),
  align: ZAlign.default("center"),
});
const ZDividerBlock = z.object({
  id: ZBlockId,
  type: z.literal("divider"),
  color: ZColor.default("#e5e7eb"),
});
const ZSpacerBlock = z.object({
  id: ZBlockId,
  type: z.literal("spacer"),
  height: z.number().int().min(4).max(200).default(24),
});
/** `text` is rich text; the unsubscribe link (whose URL each message fills in) follows it. */
const ZFooterBlock = z.object({
  id: ZBlockId,
  type: z.literal("footer"),
  text: liquidText(2000).default(""),
  unsubscribeText: requiredText(200).default("Unsubscribe"),
  /** Shown only when the message has a `message.viewInBrowserUrl`. */
  viewInBrowserText: liquidText(200).optional(),
  /** The preference center link every marketing message carries (`message.preferencesUrl`). */
  preferencesText: liquidText(200).optional(),
});

/**
 * Raw HTML, as written elsewhere (an imported Pinpoint email's HtmlPart): rendered as is, Liquid
 * included. Links in it are not click-tracked; the author owns its markup.
 */
const ZHtmlBlock = z.object({
  id: ZBlockId,
  type: z.literal("html"),
  html: requiredText(200_000),
});

export const ZContentBlock = z.discriminatedUnion("type", [
  ZHeadingBlock,
  ZTextBlock,
  ZButtonBlock,
  ZImageBlock,
  ZDividerBlock,
  ZSpacerBlock,
  ZFooterBlock,
  ZHtmlBlock,
]);
const ZColumnsBlock = z.object({
  id: ZBlockId,
  type: z.literal("columns"),
  columns: z
    .array(z.object({ blocks: z.array(ZContentBlock).max(20) }))
    .min(2, "2 or 3 columns")
    .max(3, "2 or 3 columns"),
});
export const ZEmailBlock = z.discriminatedUnion("type", [
  ZHeadingBlock,
  ZTextBlock,
  ZButtonBlock,
  ZImageBlock,
  ZDividerBlock,
  ZSpacerBlock,
  ZFooterBlock,
  ZHtmlBlock,
  ZColumnsBlock,
]);

export const ZEmailContent = z
  .object({
    channel: z.literal("email"),
    subject: requiredText(300),
    // react-email's Preview cuts at 150 characters; a longer preheader would lose its end.
    preheader: liquidText(150).default(""),
    theme: ZEmailTheme.default({
      brandColor: "#2563eb",
      backgroundColor: "#f3f4f6",
      fontFamily: "system",
      contentWidth: 600,
    }),
    blocks: z.array(ZEmailBlock).max(100),
    /**
     * The text/plain alternative as the author wrote it (a Pinpoint TextPart, or a hand-written
     * version for clients that show no HTML). Absent or blank: derived from the HTML. Larger than
     * the other text fields: an imported text part mirrors a whole HTML body.
     */
    plainText: liquidText(100_000).optional(),
  })
  .superRefine((c, ctx) => {
    // Block ids are what the editor selects by: a duplicate would make two blocks one.
    const seen = new Set<string>();
    const check = (id: string, path: (string | number)[]) => {
      if (seen.has(id))
        ctx.addIssue({
          code: "custom",
          path: [...path, "id"],
          message: `Duplicate block id "${id}"`,
        });
      seen.add(id);
    };
    c.blocks.forEach((b, i) => {
      check(b.id, ["blocks", i]);
      if (b.type === "columns")
        b.columns.forEach((col, j) =>
          col.blocks.forEach((inner, k) =>
            check(inner.id, ["blocks", i, "columns", j, "blocks", k]),
          ),
        );
    });
  });

export const ZSmsContent = z.object({
  channel: z.literal("sms"),
  body: requiredText(1600),
  senderId: liquidText(20).optional(),
});

export const ZPushContent = z.object({
  channel: z.literal("push"),
  title: requiredText(200),
  body: requiredText(1000),
  imageUrl: ZImageUrl.optional(),
  deepLink: ZDeepLink.optional(),
  data: z.record(z.string().min(1).max(100), liquidText(1000)).default({}),
});

export const ZVoiceContent = z.object({
  channel: z.literal("voice"),
  /** Plain text, or SSML when it starts with `<speak>`. */
  speech: requiredText(5000),
  voice: requiredText(100).default("alice"),
  language: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "A BCP 47 tag like en-US")
    .default("en-US"),
});

export const ZInAppContent = z.object({
  channel: z.literal("in_app"),
  title: requiredText(200),
  body: requiredText(2000),
  imageUrl: ZImageUrl.optional(),
  buttons: z
    .array(
      z
        .object({
          label: requiredText(100),
          action: z.enum(["url", "deep_link", "dismiss"]),
          value: liquidText(2000).optional(),
        })
        .refine((b) => b.action === "dismiss" || Boolean(b.value?.trim()), {
          path: ["value"],
          message: "Required for url and deep_link buttons",
        })
        .refine(
          (b) =>
            !b.value?.trim() ||
            startsWithLiquid(b.value) ||
            (b.action === "url"
              ? isSafeUrl(b.value)
              : b.action === "deep_link"
                ? isSafeDeepLink(b.value)
                : true),
          {
            path: ["value"],
            message: "Must be an http(s), mailto: or tel: URL (or an app link for deep links)",
          },
        ),
    )
    .max(3)
    .default([]),
});

/** `body` is JSON text in which Liquid may stand anywhere; values are JSON-escaped as they are filled in. */
export const ZWebhookContent = z.object({
  channel: z.literal("webhook"),
  body: requiredText(100_000),
});

/**
 * A locale tag a variant is written for (`vi`, `zh-CN`, `pt-BR`): BCP 47, in its canonical form so
 * that choosing a variant for a contact compares like with like (locale-variants.ts).
 */
export const ZLocaleTag = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "A BCP 47 tag like vi or zh-CN")
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag)[0] === tag;
    } catch {
      return false;
    }
  }, "Write the tag in its canonical form, like vi, zh-CN or pt-BR");
export const MAX_LOCALE_VARIANTS = 20;

/**
 * Per-locale variants: the same fields as the default content, one set per locale. The contact's
 * locale picks one when a message is sent, the default content is the fallback.
 */
const variantsOf = <T extends z.ZodType>(channel: string, base: T) =>
  z
    // A variant is the same channel as its template: it may leave `channel` out.
    .record(
      ZLocaleTag,
      z.preprocess((v) => (v && typeof v === "object" ? { ...v, channel } : v), base),
    )
    .refine((v) => Object.keys(v).length <= MAX_LOCALE_VARIANTS, {
      message: `At most ${MAX_LOCALE_VARIANTS} locale variants`,
    })
    .optional();

export const ZTemplateContent = z.discriminatedUnion("channel", [
  ZEmailContent.safeExtend({ variants: variantsOf("email", ZEmailContent) }),
  ZSmsContent.safeExtend({ variants: variantsOf("sms", ZSmsContent) }),
  ZPushContent.safeExtend({ variants: variantsOf("push", ZPushContent) }),
  ZVoiceContent.safeExtend({ variants: variantsOf("voice", ZVoiceContent) }),
  ZInAppContent.safeExtend({ variants: variantsOf("in_app", ZInAppContent) }),
  ZWebhookContent.safeExtend({ variants: variantsOf("webhook", ZWebhookContent) }),
]);

export type TEmailTheme = z.infer<typeof ZEmailTheme>;
export type TContentBlock = z.infer<typeof ZContentBlock>;
export type TEmailBlock = z.infer<typeof ZEmailBlock>;
export type TEmailContent = z.infer<typeof ZEmailContent>;
export type TSmsContent = z.infer<typeof ZSmsContent>;
export type TPushContent = z.infer<typeof ZPushContent>;
export type TVoiceContent = z.infer<typeof ZVoiceContent>;
export type TInAppContent = z.infer<typeof ZInAppContent>;
export type TWebhookContent = z.infer<typeof ZWebhookContent>;
export type TTemplateContent = z.infer<typeof ZTemplateContent>;
/** One locale's content (or the default's, without its variants): what a message is rendered from. */
export type TChannelContent =
  TEmailContent | TSmsContent | TPushContent | TVoiceContent | TInAppContent | TWebhookContent;
