import { createTranslator } from "next-intl";
import { matchLocale, negotiateLocale, type TLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { htmlPage } from "@/lib/messages/engagement/html-page";
import {
  loadPreferenceCenter,
  savePreferences,
  type TPreferenceCenter,
} from "@/lib/topics/preference-center";
import { preferencePageHtml } from "@/lib/topics/preference-page";

/** The contact's language when Waymark ships it, else the browser's Accept-Language. */
function pageLocale(req: Request, center: TPreferenceCenter | null): TLocale {
  const fromContact = center?.contact.locale ? matchLocale(center.contact.locale) : null;
  return fromContact ?? negotiateLocale(req.headers.get("accept-language"));
}

async function render(req: Request, center: TPreferenceCenter | null, state: "form" | "saved") {
  const locale = pageLocale(req, center);
  // A route handler, not a page: the translator is made from the catalogue directly.
  const t = createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: "preferenceCenter",
  });
  if (!center) return htmlPage(400, t("invalidTitle"), t("invalidBody"), "", locale);
  const html = preferencePageHtml(
    center,
    {
      title: t("title"),
      intro: t("intro", { sender: center.workspace.name }),
      save: t("save"),
      everything: t("everything"),
      everythingHint: t("everythingHint"),
      savedNotice: t("saved"),
      outOfEverything: t("outOfEverything"),
    },
    locale,
    state,
  );
  return new Response(html, {
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

/** GET shows the contact's topics; nothing changes on GET (mail scanners fetch every link). */
export async function GET(req: Request, ctx: RouteContext<"/u/p/[token]">) {
  const { token } = await ctx.params;
  return render(req, await loadPreferenceCenter(token), "form");
}

/** POST saves the form: the topics ticked, or "unsubscribe from everything". */
export async function POST(req: Request, ctx: RouteContext<"/u/p/[token]">) {
  const { token } = await ctx.params;
  const center = await loadPreferenceCenter(token);
  if (!center) return render(req, null, "form");
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    form = new FormData();
  }
  const known = new Set(center.topics.map((t) => t.key));
  const subscribed = new Set(
    form.getAll("topic").filter((v): v is string => typeof v === "string" && known.has(v)),
  );
  await savePreferences(center, { everything: form.get("action") === "everything", subscribed });
  return render(req, await loadPreferenceCenter(token), "saved");
}
