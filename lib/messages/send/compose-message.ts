import type { TOutgoingMessage } from "@/lib/channels/types";
import { env } from "@/lib/env";
import { buildRenderContext, type TRenderContextInput } from "@/lib/templates/render-context";
import {
  chooseCompiledVariant,
  renderMessage,
  type TCompiledTemplate,
} from "@/lib/templates/render-message";
import { trackingKey } from "../engagement/resolve-tracking-token";
import { trackingUrls } from "../engagement/tracking-tokens";
import { buildOutgoingMessage } from "./build-outgoing-message";
import type { TRecipient } from "./choose-recipient";
import { footerLocale, withPreferenceFooter } from "./preference-footer";

/** Where links inside messages point: the public URL when set, the dev server otherwise. */
export const messageLinkOrigin = () =>
  env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

/**
 * One message as the provider gets it: the compiled template personalised for the contact (and
 * the triggering event), with signed tracking links unless it is a test, wrapped for the
 * recipient. The one composition every send makes, one message (`sendMessage`) or a campaign
 * batch (`sendCampaignBatch`) alike, so both send exactly the same bytes for the same input.
 * The contact's locale picks the template's locale variant here; `templateLocale` says which
 * (null: the default content), for the message row.
 */
export function composeMessage(input: {
  messageId: string;
  workspaceId: string;
  compiled: TCompiledTemplate;
  context: Omit<TRenderContextInput, "message">;
  recipient: TRecipient;
  /** Test sends carry no pixel and no click redirects: reading one never counts as engagement. */
  tracked: boolean;
  /**
   * Marketing (the default: campaigns, journeys, test sends) links the contact's preference center
   * from the footer, adding a minimal one when the template has none; transactional mail does not.
   */
  marketing?: boolean;
}):
  | { ok: true; content: TOutgoingMessage; templateLocale: string | null }
  | { ok: false; reason: string; templateLocale: string | null } {
  const origin = messageLinkOrigin();
  const urls = trackingUrls(trackingKey(), origin, input.messageId);
  const context = buildRenderContext({
    ...input.context,
    message: {
      id: input.messageId,
      unsubscribeUrl: urls.unsubscribeUrl,
      ...(input.marketing === false ? {} : { preferencesUrl: urls.preferencesUrl }),
    },
  });
  const contact = input.context.contact;
  const contactLocale = contact.locale ?? contact.attributes?.locale ?? null;
  const chosen = chooseCompiledVariant(input.compiled, contactLocale);
  const templateLocale = chosen.locale;
  const rendered = renderMessage(
    chosen.compiled,
    context,
    input.tracked
      ? { trackClick: (url: string) => urls.clickUrl(url), openPixelUrl: urls.openPixelUrl }
      : {},
  );
  if (!rendered.ok) return { ok: false, reason: rendered.reason, templateLocale };
  const content =
    rendered.content.channel === "email" && input.marketing !== false
      ? withPreferenceFooter(
          rendered.content,
          urls.preferencesUrl,
          footerLocale(templateLocale, typeof contactLocale === "string" ? contactLocale : null),
        )
      : rendered.content;
  return {
    ok: true,
    templateLocale,
    content: buildOutgoingMessage(input.messageId, content, input.recipient, {
      unsubscribeUrl: urls.unsubscribeUrl,
      statusCallbackUrl: `${origin.replace(/\/$/, "")}/api/webhooks/twilio/${input.workspaceId}/status`,
    }),
  };
}
