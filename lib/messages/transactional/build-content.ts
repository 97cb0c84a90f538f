import type { TSendChannel } from "@/lib/channels/types";
import { ZTemplateContent, type TTemplateContent } from "@/lib/templates/template-content";
import type { TContentFields } from "./send-request";

/** Where each content field lands in the channel's template content. */
const FIELD_OF: Record<string, keyof TContentFields> = {
  subject: "subject",
  body: "body",
  speech: "body",
  title: "title",
};

/**
 * Template content from inline fields, or a template's content with a recipient's overrides laid
 * over it. Validated like a published template; `fields` is named by the caller's path
 * (`content`, `recipients.3.overrides`) so a 400 points at what was sent.
 */
export function buildContent(
  channel: TSendChannel,
  base: TTemplateContent | null,
  fields: TContentFields,
  at: string,
): { ok: true; content: TTemplateContent } | { ok: false; fields: Record<string, string> } {
  const raw: Record<string, unknown> = base ? { ...base } : { channel };
  const { subject, body, title } = fields;
  switch (channel) {
    case "email":
      if (subject !== undefined) raw.subject = subject;
      if (body !== undefined) {
        raw.blocks = [{ id: "body", type: "text", text: body }];
        // The template's plain-text version was written for its own blocks, not for this body:
        // dropped, so the text part is derived from the body that is sent.
        delete raw.plainText;
      }
      break;
    case "voice":
      if (body !== undefined) raw.speech = body;
      break;
    case "push":
    case "in_app":
      if (title !== undefined) raw.title = title;
      if (body !== undefined) raw.body = body;
      break;
    case "sms":
    case "webhook":
      if (body !== undefined) raw.body = body;
      break;
  }
  const parsed = ZTemplateContent.safeParse(raw);
  if (parsed.success) return { ok: true, content: parsed.data };
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const head = String(issue.path[0] ?? "");
    const field = head === "blocks" ? "body" : (FIELD_OF[head] ?? head);
    out[`${at}.${field || "body"}`] ??= issue.message;
  }
  return { ok: false, fields: out };
}
