import type { TLiquidMode } from "./liquid-engine";
import { contentForLocale, variantLocales } from "./locale-variants";
import type { TChannelContent, TContentBlock, TTemplateContent } from "./template-content";

/** One Liquid-bearing text field of a template, named by its zod path (`blocks.2.text`). */
export type TTemplateField = { path: string; mode: TLiquidMode; source: string };

export const isSsml = (speech: string) => /^\s*<speak[\s>]/i.test(speech);

function blockFields(block: TContentBlock, at: string): TTemplateField[] {
  const f = (key: string, source: string | undefined): TTemplateField[] =>
    source === undefined ? [] : [{ path: `${at}.${key}`, mode: "html", source }];
  switch (block.type) {
    case "heading":
    case "text":
      return f("text", block.text);
    case "button":
      return [...f("label", block.label), ...f("url", block.url)];
    case "image":
      return [...f("src", block.src), ...f("alt", block.alt), ...f("href", block.href)];
    case "html":
      return f("html", block.html);
    case "footer":
      return [
        ...f("text", block.text),
        ...f("unsubscribeText", block.unsubscribeText),
        ...f("viewInBrowserText", block.viewInBrowserText),
      ];
    default:
      return [];
  }
}

/**
 * Every field in which an author may write Liquid, with the engine it is rendered by: the editor's
 * analysis checks each on its own, so every error points at a field and a line in it.
 */
export function listTemplateFields(content: TTemplateContent): TTemplateField[] {
  return [
    ...listChannelFields(content),
    ...variantLocales(content).flatMap((tag) =>
      listChannelFields(contentForLocale(content, tag)).map((f) => ({
        ...f,
        path: `variants.${tag}.${f.path}`,
      })),
    ),
  ];
}

/** The fields of one locale's content (a variant's paths are relative to the variant). */
export function listChannelFields(content: TChannelContent): TTemplateField[] {
  const text = (path: string, source: string | undefined): TTemplateField[] =>
    source === undefined ? [] : [{ path, mode: "text", source }];
  switch (content.channel) {
    case "email":
      return [
        ...text("subject", content.subject),
        ...text("preheader", content.preheader),
        ...text("plainText", content.plainText),
        ...content.blocks.flatMap((b, i) =>
          b.type === "columns"
            ? b.columns.flatMap((col, j) =>
                col.blocks.flatMap((inner, k) =>
                  blockFields(inner, `blocks.${i}.columns.${j}.blocks.${k}`),
                ),
              )
            : blockFields(b, `blocks.${i}`),
        ),
      ];
    case "sms":
      return [...text("body", content.body), ...text("senderId", content.senderId)];
    case "push":
      return [
        ...text("title", content.title),
        ...text("body", content.body),
        ...text("imageUrl", content.imageUrl),
        ...text("deepLink", content.deepLink),
        ...Object.entries(content.data).flatMap(([k, v]) => text(`data.${k}`, v)),
      ];
    case "voice":
      return [
        { path: "speech", mode: isSsml(content.speech) ? "html" : "text", source: content.speech },
        ...text("voice", content.voice),
        ...text("language", content.language),
      ];
    case "in_app":
      return [
        ...text("title", content.title),
        ...text("body", content.body),
        ...text("imageUrl", content.imageUrl),
        ...content.buttons.flatMap((b, i) => [
          ...text(`buttons.${i}.label`, b.label),
          ...text(`buttons.${i}.value`, b.value),
        ]),
      ];
    case "webhook":
      return [{ path: "body", mode: "json", source: content.body }];
  }
}
