import type {
  TEmailMessage,
  TInAppMessage,
  TPushMessage,
  TSmsMessage,
  TVoiceMessage,
  TWebhookMessage,
} from "@/lib/channels/types";
import { ValidationError } from "@/lib/errors";
import {
  resolveLinks,
  resolvePixel,
  type TEmailLink,
  type TTrackingOptions,
} from "./email-markers";
import {
  compileField,
  personalise,
  PersonaliseError,
  renderField,
  tryCompileField,
  type TLiquidField,
  type TSkipped,
} from "./personalise";
import type { TRenderContext } from "./render-context";
import { renderEmailLayout } from "./render-email";
import { contentForLocale, defaultContent, pickVariant, variantLocales } from "./locale-variants";
import { listChannelFields } from "./template-fields";
import type { TChannelContent, TTemplateContent } from "./template-content";
import { dropUnsafeImageSources, isSafeDeepLink } from "./link-schemes";
import { isSafeUrl } from "./template-content";

type F = TLiquidField;
/** One locale's content made ready to send: every field parsed, the email laid out. */
export type TCompiledContent =
  | { channel: "email"; subject: F; preheader: F; html: F; text: F; links: TEmailLink[] }
  | { channel: "sms"; body: F; senderId: F | null }
  | {
      channel: "push";
      title: F;
      body: F;
      imageUrl: F | null;
      deepLink: F | null;
      data: [string, F][];
    }
  | { channel: "voice"; speech: F; voice: F; language: F }
  | {
      channel: "in_app";
      title: F;
      body: F;
      imageUrl: F | null;
      buttons: { label: F; action: "url" | "deep_link" | "dismiss"; value: F | null }[];
    }
  | { channel: "webhook"; body: F };

/** A template version made ready to send, with its locale variants. Reuse it for every contact. */
export type TCompiledTemplate = TCompiledContent & { variants?: Record<string, TCompiledContent> };

/** Exactly the pieces of the channel's message in lib/channels/types.ts that a template decides. */
export type TRenderedContent =
  | ({ channel: "email"; preheader: string } & Pick<TEmailMessage, "subject" | "html" | "text">)
  | ({ channel: "sms"; senderId?: string } & Pick<TSmsMessage, "body">)
  | Pick<TPushMessage, "channel" | "title" | "body" | "imageUrl" | "deepLink" | "data">
  | Pick<TVoiceMessage, "channel" | "speech" | "voice" | "language">
  | Pick<TInAppMessage, "channel" | "title" | "body" | "imageUrl" | "buttons">
  | Pick<TWebhookMessage, "channel" | "payload">;

export type TRenderMessageResult = { ok: true; content: TRenderedContent } | TSkipped;
export type TRenderOptions = TTrackingOptions;

/**
 * Parses every field once (and renders the email's blocks to HTML once), for the default content
 * and each locale variant. Throws one ValidationError keyed by field path (`subject`,
 * `variants.vi.subject`) when any field has a Liquid syntax error.
 */
export async function compileTemplate(content: TTemplateContent): Promise<TCompiledTemplate> {
  const errors: Record<string, string> = {};
  const collect = (prefix: string) => (err: unknown) => {
    if (!(err instanceof ValidationError)) throw err;
    for (const [k, v] of Object.entries(err.fields ?? {})) errors[`${prefix}${k}`] ??= v;
    return null;
  };
  const base = await compileContent(defaultContent(content)).catch(collect(""));
  const variants: Record<string, TCompiledContent> = {};
  for (const tag of variantLocales(content)) {
    const v = await compileContent(contentForLocale(content, tag)).catch(
      collect(`variants.${tag}.`),
    );
    if (v) variants[tag] = v;
  }
  if (Object.keys(errors).length || !base) throw new ValidationError(errors);
  return Object.keys(variants).length ? { ...base, variants } : base;
}

/** The variant a contact's locale picks (locale-variants.ts), null for the default content. */
export function chooseCompiledVariant(
  compiled: TCompiledTemplate,
  contactLocale: unknown,
): { locale: string | null; compiled: TCompiledContent } {
  const locale = pickVariant(Object.keys(compiled.variants ?? {}), contactLocale);
  const variant = locale === null ? undefined : compiled.variants?.[locale];
  return variant ? { locale, compiled: variant } : { locale: null, compiled };
}

async function compileContent(content: TChannelContent): Promise<TCompiledContent> {
  const fields = new Map<string, F>();
  const errors: Record<string, string> = {};
  for (const f of listChannelFields(content)) {
    const r = tryCompileField(f.path, f.mode, f.source);
    if ("line" in r) errors[f.path] ??= `${r.message} (line ${r.line}, column ${r.column})`;
    else fields.set(f.path, r);
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const field = (path: string) => fields.get(path) ?? null;
  const must = (path: string) => field(path) ?? compileField(path, "text", "");
  switch (content.channel) {
    case "email": {
      const layout = await renderEmailLayout(content);
      return {
        channel: "email",
        subject: must("subject"),
        preheader: must("preheader"),
        html: compileField("html", "html", layout.html),
        // The author's plain-text version wins; without one, the text derived from the blocks.
        text: content.plainText?.trim()
          ? must("plainText")
          : compileField("text", "text", layout.text),
        links: layout.links,
      };
    }
    case "sms":
      return { channel: "sms", body: must("body"), senderId: field("senderId") };
    case "push":
      return {
        channel: "push",
        title: must("title"),
        body: must("body"),
        imageUrl: field("imageUrl"),
        deepLink: field("deepLink"),
        data: Object.keys(content.data).map((k) => [k, must(`data.${k}`)]),
      };
    case "voice":
      return {
        channel: "voice",
        speech: must("speech"),
        voice: must("voice"),
        language: must("language"),
      };
    case "in_app":
      return {
        channel: "in_app",
        title: must("title"),
        body: must("body"),
        imageUrl: field("imageUrl"),
        buttons: content.buttons.map((b, i) => ({
          label: must(`buttons.${i}.label`),
          action: b.action,
          value: field(`buttons.${i}.value`),
        })),
      };
    case "webhook":
      return { channel: "webhook", body: must("body") };
  }
}

/** An optional field: absent when not in the template or when it renders to nothing. */
const optional = (f: F | null, scope: object) => {
  const v = f === null ? "" : renderField(f, scope).trim();
  return v === "" ? undefined : v;
};
const deepLinkOf = (name: string, v: string | undefined) => {
  if (v !== undefined && !isSafeDeepLink(v))
    throw new PersonaliseError({ code: "notSafeLink", values: { field: name } });
  return v;
};

const httpUrl = (name: string, v: string | undefined) => {
  if (v !== undefined && !/^https?:\/\//i.test(v))
    throw new PersonaliseError({ code: "notHttpUrl", values: { field: name } });
  return v;
};

/**
 * Personalises a compiled template for one contact: Liquid, then (email) the tracking substitution.
 * `{ ok: false, reason }` means skip this send (a value it prints is missing, or the result is unusable).
 * The editor's preview calls this too, so a preview is exactly what is sent.
 */
export function renderMessage(
  compiled: TCompiledContent,
  context: TRenderContext,
  opts: TRenderOptions = {},
): TRenderMessageResult {
  const r = personalise((): TRenderedContent => {
    const s = context;
    switch (compiled.channel) {
      case "email": {
        const html = resolvePixel(
          dropUnsafeImageSources(
            resolveLinks(renderField(compiled.html, s), compiled.links, "html", opts),
          ),
          opts.openPixelUrl,
        );
        const text = resolveLinks(renderField(compiled.text, s), compiled.links, "text", opts);
        // One line each: a value with a line break must not reach a mail header.
        const line = (f: F) => renderField(f, s).replace(/\s+/g, " ").trim();
        return {
          channel: "email",
          subject: line(compiled.subject),
          preheader: line(compiled.preheader),
          html,
          text,
        };
      }
      case "sms":
        return {
          channel: "sms",
          body: renderField(compiled.body, s),
          ...(optional(compiled.senderId, s) !== undefined && {
            senderId: optional(compiled.senderId, s),
          }),
        };
      case "push":
        return {
          channel: "push",
          title: renderField(compiled.title, s),
          body: renderField(compiled.body, s),
          imageUrl: httpUrl("imageUrl", optional(compiled.imageUrl, s)),
          deepLink: deepLinkOf("deepLink", optional(compiled.deepLink, s)),
          data: Object.fromEntries(compiled.data.map(([k, f]) => [k, renderField(f, s)])),
        };
      case "voice":
        return {
          channel: "voice",
          speech: renderField(compiled.speech, s),
          voice: renderField(compiled.voice, s),
          language: renderField(compiled.language, s),
        };
      case "in_app":
        return {
          channel: "in_app",
          title: renderField(compiled.title, s),
          body: renderField(compiled.body, s),
          imageUrl: httpUrl("imageUrl", optional(compiled.imageUrl, s)),
          buttons: compiled.buttons.map((b, i) => {
            const value = optional(b.value, s);
            if (b.action === "url" && (value === undefined || !isSafeUrl(value)))
              throw new PersonaliseError({
                code: "notUrl",
                values: { field: `buttons.${i}.value` },
              });
            if (b.action === "deep_link" && value === undefined)
              throw new PersonaliseError({
                code: "emptyValue",
                values: { field: `buttons.${i}.value` },
              });
            if (b.action === "deep_link") deepLinkOf(`buttons.${i}.value`, value);
            return {
              label: renderField(b.label, s),
              action: b.action,
              ...(value !== undefined && { value }),
            };
          }),
        };
      case "webhook": {
        const body = renderField(compiled.body, s);
        try {
          return { channel: "webhook", payload: JSON.parse(body) as unknown };
        } catch (err) {
          throw new PersonaliseError({
            code: "webhookNotJson",
            values: { message: (err as Error).message },
          });
        }
      }
    }
  });
  return r.ok ? { ok: true, content: r.value } : r;
}
