import type { TSendChannel } from "@/lib/channels/types";
import { ZTemplateContent, type TTemplateContent } from "@/lib/templates/template-content";
import { handlebarsToLiquid, parseDefaults } from "./handlebars-to-liquid";
import { NoteList } from "./report";

/**
 * A Pinpoint template (`EmailTemplateResponse`, `SMSTemplateResponse`, `PushNotification…`,
 * `VoiceTemplateResponse`, `InAppTemplateResponse`) as a Waymark template of the same channel.
 * Text goes through handlebars-to-liquid; an email's `HtmlPart` becomes one HTML block and its
 * `TextPart` the template's plain-text version.
 */
export type TConvertedTemplate = {
  name: string;
  channel: TSendChannel;
  content: TTemplateContent | null;
  notes: NoteList;
};

type R = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const obj = (v: unknown): R => (typeof v === "object" && v && !Array.isArray(v) ? (v as R) : {});

export function templateTypeOf(t: R): "EMAIL" | "SMS" | "PUSH" | "VOICE" | "INAPP" | null {
  const type = str(t.TemplateType);
  if (type === "EMAIL" || type === "SMS" || type === "PUSH" || type === "VOICE" || type === "INAPP")
    return type;
  if ("HtmlPart" in t || "Subject" in t || "TextPart" in t) return "EMAIL";
  if ("Layout" in t || "Content" in t) return "INAPP";
  if ("VoiceId" in t || "LanguageCode" in t) return "VOICE";
  if ("Default" in t || "APNS" in t || "GCM" in t) return "PUSH";
  if ("Body" in t) return "SMS";
  return null;
}

const CHANNEL = {
  EMAIL: "email",
  SMS: "sms",
  PUSH: "push",
  VOICE: "voice",
  INAPP: "in_app",
} as const;

/** The inside of `<body>` when the part is a whole document (react-email wraps blocks in its own). */
function bodyOf(html: string): string {
  const m = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return (m ? m[1]! : html).trim();
}

export function convertTemplate(t: R): TConvertedTemplate {
  const notes = new NoteList();
  const name = (str(t.TemplateName) ?? "").trim();
  const type = templateTypeOf(t);
  if (!name) notes.error("TemplateName", "is required");
  if (!type) {
    notes.error("TemplateType", "must be EMAIL, SMS, PUSH, VOICE or INAPP");
    return { name, channel: "email", content: null, notes };
  }
  const channel = CHANNEL[type];
  const defaults = parseDefaults(t.DefaultSubstitutions);
  if ("error" in defaults) notes.error("DefaultSubstitutions", defaults.error);
  const liquid = (path: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const c = handlebarsToLiquid(v, {
      channel,
      defaults: "error" in defaults ? {} : defaults,
    });
    for (const m of c.approximated) notes.approx(path, m);
    for (const m of c.unsupported) notes.unsupport(path, m);
    return c.liquid;
  };
  if (t.RecommenderId)
    notes.unsupport("RecommenderId", "Amazon Personalize recommenders have no Waymark equivalent");

  let content: R;
  switch (type) {
    case "EMAIL": {
      const html = liquid("HtmlPart", str(t.HtmlPart));
      const text = liquid("TextPart", str(t.TextPart));
      const subject = liquid("Subject", str(t.Subject));
      if (!subject) notes.approx("Subject", "missing; the template's name is the subject");
      const blocks = html
        ? [{ id: "pinpoint-html", type: "html", html: bodyOf(html) }]
        : text
          ? [{ id: "pinpoint-text", type: "text", text }]
          : [];
      if (!blocks.length) notes.error("HtmlPart", "an email template needs HtmlPart or TextPart");
      if (Array.isArray(t.Headers) && t.Headers.length)
        notes.unsupport("Headers", "custom email headers are not kept");
      // TextPart is kept verbatim as the plain-text version, also when it is the only part: the
      // text block built from it is rich text, so deriving the text part from it could change it.
      content = { channel, subject: subject || name, blocks, ...(text ? { plainText: text } : {}) };
      break;
    }
    case "SMS":
      content = { channel, body: liquid("Body", str(t.Body)) ?? "" };
      break;
    case "VOICE": {
      const voiceId = str(t.VoiceId);
      if (voiceId)
        notes.approx("VoiceId", `spoken by the Twilio-compatible provider as "Polly.${voiceId}"`);
      content = {
        channel,
        speech: liquid("Body", str(t.Body)) ?? "",
        ...(voiceId ? { voice: `Polly.${voiceId}` } : {}),
        ...(str(t.LanguageCode) ? { language: str(t.LanguageCode) } : {}),
      };
      break;
    }
    case "PUSH": {
      const def = obj(t.Default);
      const apns = obj(t.APNS);
      const gcm = obj(t.GCM);
      const pick = (k: string) => str(def[k]) ?? str(apns[k]) ?? str(gcm[k]);
      for (const k of ["APNS", "GCM", "ADM", "Baidu"])
        if (t[k]) notes.approx(k, "per-platform overrides are folded into one message");
      if (pick("RawContent"))
        notes.unsupport("RawContent", "raw platform payloads are not kept; title and body are");
      if (pick("Sound")) notes.unsupport("Sound", "notification sounds are not kept");
      const url = pick("Url");
      const title = liquid("Default.Title", pick("Title"));
      if (!title) notes.approx("Default.Title", "missing; the template's name is the title");
      const image = str(gcm.ImageUrl) ?? str(apns.MediaUrl);
      content = {
        channel,
        title: title || name,
        body: liquid("Default.Body", pick("Body")) ?? "",
        ...(image ? { imageUrl: image } : {}),
        ...(url && pick("Action") !== "OPEN_APP" ? { deepLink: url } : {}),
        data: {},
      };
      break;
    }
    case "INAPP": {
      const items = Array.isArray(t.Content) ? t.Content.map(obj) : [];
      const first = items[0] ?? {};
      if (items.length > 1)
        notes.unsupport("Content", `only the first of ${items.length} messages (carousel) is kept`);
      notes.approx("Layout", `the ${str(t.Layout) ?? "default"} layout and colours are not kept`);
      if (t.CustomConfig) notes.unsupport("CustomConfig", "custom configuration is not kept");
      const buttons = (["PrimaryBtn", "SecondaryBtn"] as const).flatMap((k) => {
        const d = obj(obj(first[k]).DefaultConfig);
        if (!d.Text) return [];
        const action =
          d.ButtonAction === "CLOSE"
            ? "dismiss"
            : d.ButtonAction === "DEEP_LINK"
              ? "deep_link"
              : "url";
        return [{ label: str(d.Text)!, action, ...(str(d.Link) ? { value: str(d.Link) } : {}) }];
      });
      content = {
        channel,
        title: str(obj(first.HeaderConfig).Header) || name,
        body: str(obj(first.BodyConfig).Body) ?? "",
        ...(str(first.ImageUrl) ? { imageUrl: str(first.ImageUrl) } : {}),
        buttons,
      };
      break;
    }
  }
  const parsed = ZTemplateContent.safeParse(content);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      notes.error(issue.path.join(".") || "content", issue.message);
    return { name, channel, content: null, notes };
  }
  return { name, channel, content: parsed.data, notes };
}
