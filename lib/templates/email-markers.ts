import { escapeHtml } from "./liquid-engine";
import { isSafeUrl } from "./template-content";

/**
 * Tracking stays cheap per contact: the email is rendered once per version with every link's href
 * wrapped in private-use markers and the open pixel's place marked; per contact, after Liquid, one
 * regex pass swaps each wrapped URL for its tracking URL and the pixel marker for the pixel.
 * Liquid output can never forge a marker: every escaper strips these characters.
 */
const LINK_START = "\uE000";
const LINK_MID = "\uE001";
const LINK_END = "\uE002";
export const PIXEL_MARK = "\uE003";
const LINK = /\uE000(\d+)\uE001([^\uE002]*)\uE002/g;

export type TEmailLink = { tracked: boolean };
export const markLink = (index: number, url: string) =>
  `${LINK_START}${index}${LINK_MID}${url}${LINK_END}`;

export type TTrackingOptions = {
  /** Returns the click-tracking URL for a link; `linkIndex` is the link's place in the template version. */
  trackClick?: (url: string, linkIndex: number) => string;
  /** Adds a 1×1 open pixel at the end of the HTML. */
  openPixelUrl?: string;
};

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
};
const decodeAttribute = (s: string) =>
  s.includes("&") ? s.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e]!) : s;

/**
 * Replaces the wrapped links of a personalised HTML (`html`, attribute-encoded) or text part.
 * A URL that Liquid turned into something other than http(s)/mailto/tel (`javascript:`…) becomes `#`.
 */
export function resolveLinks(
  body: string,
  links: TEmailLink[],
  mode: "html" | "text",
  opts: TTrackingOptions,
): string {
  return body.replace(LINK, (_, i: string, raw: string) => {
    const index = Number(i);
    let url = (mode === "html" ? decodeAttribute(raw) : raw).trim();
    if (!isSafeUrl(url)) url = "#";
    else if (opts.trackClick && links[index]?.tracked && /^https?:/i.test(url))
      url = opts.trackClick(url, index);
    return mode === "html" ? escapeHtml(url) : url;
  });
}

export function resolvePixel(html: string, openPixelUrl: string | undefined): string {
  const pixel = openPixelUrl
    ? `<img src="${escapeHtml(openPixelUrl)}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0;margin:0;padding:0" />`
    : "";
  return html.replace(PIXEL_MARK, pixel);
}
