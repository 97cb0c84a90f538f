import { createTranslator } from "next-intl";
import { findContactById } from "@/db/queries/contacts";
import { findWorkspaceById } from "@/db/queries/workspaces";
import { matchLocale, negotiateLocale, type TLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { htmlPage } from "@/lib/messages/engagement/html-page";
import { unsubscribeFromMessage } from "@/lib/messages/engagement/record-engagement";
import {
  resolveTrackingToken,
  trackingKey,
} from "@/lib/messages/engagement/resolve-tracking-token";
import { signTrackingToken } from "@/lib/messages/engagement/tracking-tokens";
import { findTopic } from "@/db/queries/topics";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const preferencesPath = (messageId: string) =>
  `/u/p/${signTrackingToken(trackingKey(), "preferences", messageId)}`;

type TMessage = NonNullable<Awaited<ReturnType<typeof resolveTrackingToken>>>;

/**
 * The page speaks the contact's language: their `locale` attribute when Waymark ships it ("vi",
 * "zh-CN", "vi-VN"…), else the browser's Accept-Language.
 */
async function pageLocale(req: Request, message: TMessage | null): Promise<TLocale> {
  if (message?.contactId) {
    const contact = await findContactById(message.workspaceId, message.contactId);
    const fromContact = contact?.locale ? matchLocale(contact.locale) : null;
    if (fromContact) return fromContact;
  }
  return negotiateLocale(req.headers.get("accept-language"));
}

async function page(req: Request, message: TMessage | null, state: "ask" | "done" | "invalid") {
  const locale = await pageLocale(req, message);
  // A route handler, not a page: the translator is made from the catalogue directly (next-intl's
  // request-scoped getTranslations is for server components).
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "unsubscribe" });
  if (state === "invalid" || !message)
    return htmlPage(400, t("invalidTitle"), t("invalidBody"), "", locale);
  const workspace = await findWorkspaceById(message.workspaceId);
  const channels = createTranslator({ locale, messages, namespace: "unsubscribe.channel" });
  const channel = channels.has(message.channel as "email")
    ? channels(message.channel as "email")
    : message.channel;
  // A message about a subscription topic unsubscribes from that topic only (RFC 8058 one-click too).
  const topicId = typeof message.origin.topicId === "string" ? message.origin.topicId : null;
  const topic = topicId ? await findTopic(message.workspaceId, topicId) : null;
  const text =
    topic && workspace
      ? t("bodyTopic", { topic: topic.name, sender: workspace.name })
      : workspace
        ? t("body", { channel, sender: workspace.name })
        : t("bodyNoSender", { channel });
  // The rest of the contact's choices are a click away: the preference center of the same message.
  const manage =
    message.contactId && !message.isTest
      ? `<p><a href="${preferencesPath(message.id)}">${escapeHtml(t("manage"))}</a></p>`
      : "";
  if (state === "done") return htmlPage(200, t("doneTitle"), text, manage, locale);
  return htmlPage(
    200,
    t("askTitle"),
    text,
    `<form method="post"><button type="submit">${t("button")}</button></form>${manage}`,
    locale,
  );
}

/**
 * GET asks first: mail scanners fetch every link, and RFC 8058 forbids unsubscribing on GET.
 * POST unsubscribes, from the page's button or from a mail client's one-click
 * (`List-Unsubscribe-Post: List-Unsubscribe=One-Click`).
 */
export async function GET(req: Request, ctx: RouteContext<"/u/[token]">) {
  const { token } = await ctx.params;
  const message = await resolveTrackingToken("unsubscribe", token);
  if (!message) return page(req, null, "invalid");
  return page(req, message, message.unsubscribedAt ? "done" : "ask");
}

export async function POST(req: Request, ctx: RouteContext<"/u/[token]">) {
  const { token } = await ctx.params;
  const message = await resolveTrackingToken("unsubscribe", token);
  if (!message) return page(req, null, "invalid");
  await unsubscribeFromMessage(message.workspaceId, message.id);
  return page(req, message, "done");
}
