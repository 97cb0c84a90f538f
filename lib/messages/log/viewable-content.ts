import { escapeHtml } from "@/lib/templates/liquid-engine";
import type { TMessageContentView } from "./message-content";

/**
 * A stored message carries its recipient's tracking: the open pixel (`/t/o/<token>`), click
 * redirects (`/t/c/<token>?u=<destination>`) and the unsubscribe link (`/u/<token>`). Showing it
 * to a teammate must not record an open, a click or an opt-out on the contact, so every page that
 * renders a stored message passes it through here on the server first: the pixel is removed, each
 * click redirect points straight at its destination, and unsubscribe links go nowhere.
 * Paths are matched on any origin, so messages sent under an earlier public URL are disarmed too.
 */
// 44 characters since tokens carry their key version; 43 in messages sent before.
const TOKEN = "[A-Za-z0-9_-]{43,44}";
const URL_HEAD = String.raw`(?:https?:)?//[^\s"'<>/]+`;
const PIXEL_IMG = new RegExp(
  String.raw`<img\b[^>]*?\ssrc\s*=\s*(["'])${URL_HEAD}/t/o/${TOKEN}\1[^>]*>`,
  "gi",
);
const PIXEL_URL = new RegExp(String.raw`${URL_HEAD}/t/o/${TOKEN}`, "gi");
const CLICK_URL = new RegExp(String.raw`${URL_HEAD}/t/c/${TOKEN}\?u=([^\s"'<>&]*)`, "gi");
const UNSUB_HREF = new RegExp(String.raw`\shref\s*=\s*(["'])${URL_HEAD}/u/${TOKEN}\1`, "gi");
const UNSUB_URL = new RegExp(String.raw`${URL_HEAD}/u/${TOKEN}`, "gi");
// The preference center (`/u/p/<token>`): a teammate must not change the contact's topics either.
const PREFS_HREF = new RegExp(String.raw`\shref\s*=\s*(["'])${URL_HEAD}/u/p/${TOKEN}\1`, "gi");
const PREFS_URL = new RegExp(String.raw`${URL_HEAD}/u/p/${TOKEN}`, "gi");

export const UNSUBSCRIBE_PLACEHOLDER = "[unsubscribe link]";
export const PREFERENCES_PLACEHOLDER = "[preferences link]";
const INERT_UNSUBSCRIBE =
  ' title="The unsubscribe link is inactive in previews" aria-disabled="true"';
const INERT_PREFERENCES =
  ' title="The preferences link is inactive in previews" aria-disabled="true"';

/** The destination a click redirect carries, when it is an http(s) URL; otherwise nothing to follow. */
function destination(encoded: string): string {
  try {
    const url = decodeURIComponent(encoded);
    return /^https?:\/\//i.test(url) ? url : "#";
  } catch {
    return "#";
  }
}

/** An email's HTML without its pixel, with click redirects replaced by their destinations. */
export function disarmEmailHtml(html: string): string {
  return html
    .replace(PIXEL_IMG, "")
    .replace(PREFS_HREF, INERT_PREFERENCES)
    .replace(UNSUB_HREF, INERT_UNSUBSCRIBE)
    .replace(CLICK_URL, (_, u: string) => escapeHtml(destination(u)))
    .replace(PREFS_URL, "#")
    .replace(UNSUB_URL, "#")
    .replace(PIXEL_URL, "#");
}

/** Plain text (an email's text part, an SMS body…): the same, with the unsubscribe URL named, not linked. */
export function disarmText(text: string): string {
  return text
    .replace(CLICK_URL, (_, u: string) => destination(u))
    .replace(PREFS_URL, PREFERENCES_PLACEHOLDER)
    .replace(UNSUB_URL, UNSUBSCRIBE_PLACEHOLDER)
    .replace(PIXEL_URL, "");
}

function disarmStrings<T>(value: T): T {
  if (typeof value === "string") return disarmText(value) as T;
  if (Array.isArray(value)) return value.map(disarmStrings) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, disarmStrings(v)])) as T;
  return value;
}

/** A stored message made safe to look at: nothing in it records engagement when shown or clicked. */
export function viewableContent(view: TMessageContentView): TMessageContentView {
  switch (view.channel) {
    case "none":
      return view;
    case "email": {
      const { html, headers, ...rest } = view.content;
      // Headers are shown as text; List-Unsubscribe keeps its mailto and loses its one-click URL.
      return {
        channel: "email",
        content: {
          ...disarmStrings(rest),
          html: disarmEmailHtml(html),
          headers: disarmStrings(headers),
        },
      };
    }
    default:
      return { ...view, content: disarmStrings(view.content) } as TMessageContentView;
  }
}
