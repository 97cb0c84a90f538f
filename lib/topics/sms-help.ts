import { createTranslator } from "next-intl";
import { findWorkspaceById } from "@/db/queries/workspaces";
import { DEFAULT_LOCALE, matchLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { loadSubscriptionSettings } from "./manage-topics";

/**
 * What a text of HELP (or INFO) gets back: the workspace's own help text (Settings → Topics), else
 * a built-in answer naming the workspace and the STOP/START keywords, in the contact's language.
 * Carriers require an answer to HELP from anyone, known contact or not.
 */
export async function smsHelpReply(workspaceId: string, contactLocale: string | null) {
  const [settings, workspace] = await Promise.all([
    loadSubscriptionSettings(workspaceId),
    findWorkspaceById(workspaceId),
  ]);
  if (settings.smsHelpText) return settings.smsHelpText;
  const locale = (contactLocale && matchLocale(contactLocale)) || DEFAULT_LOCALE;
  const t = createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: "topics.sms",
  });
  return t("helpDefault", { sender: workspace?.name ?? "" });
}
