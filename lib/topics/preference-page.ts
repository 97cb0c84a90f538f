import type { TPreferenceCenter } from "./preference-center";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type TPreferenceTexts = {
  title: string;
  intro: string;
  save: string;
  everything: string;
  everythingHint: string;
  savedNotice: string;
  outOfEverything: string;
};

/**
 * The preference center's markup: a standalone page for the workspace's contacts (no app shell,
 * no sign-in, no script), in the workspace's name and colour. Texts arrive translated; every
 * value is escaped here.
 */
export function preferencePageHtml(
  center: TPreferenceCenter,
  t: TPreferenceTexts,
  lang: string,
  state: "form" | "saved",
): string {
  const color = /^#[0-9a-fA-F]{6}$/.test(center.brandColor) ? center.brandColor : "#2563eb";
  const topics = center.topics
    .map(
      (
        topic,
      ) => `<label class="topic"><input type="checkbox" name="topic" value="${esc(topic.key)}"${topic.subscribed ? " checked" : ""}>
<span><strong>${esc(topic.name)}</strong>${topic.description ? `<br><small>${esc(topic.description)}</small>` : ""}</span></label>`,
    )
    .join("\n");
  const notice =
    state === "saved"
      ? `<p class="notice" role="status">${esc(t.savedNotice)}</p>`
      : center.unsubscribedFromEverything
        ? `<p class="notice" role="status">${esc(t.outOfEverything)}</p>`
        : "";
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(t.title)}</title><meta name="robots" content="noindex">
<style>body{font-family:system-ui,sans-serif;background:#f6f7f9;color:#111827;margin:0}
header{background:${color};color:#fff;padding:20px 24px;font-weight:600;font-size:18px}
main{background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:28px;max-width:520px;margin:32px auto}
h1{font-size:20px;margin:0 0 8px}p{color:#4b5563;line-height:1.5}
.topic{display:flex;gap:12px;align-items:flex-start;padding:12px 0;border-top:1px solid #e5e7eb}
.topic input{margin-top:4px;width:18px;height:18px;accent-color:${color}}small{color:#4b5563}
.notice{background:#ecfdf5;color:#065f46;border-radius:8px;padding:10px 12px}
.actions{display:flex;flex-wrap:wrap;gap:12px;margin-top:20px;align-items:center}
button{border-radius:8px;padding:10px 18px;font-size:15px;cursor:pointer;border:1px solid ${color}}
.primary{background:${color};color:#fff}.secondary{background:#fff;color:#111827;border-color:#d1d5db}</style>
</head><body><header>${esc(center.workspace.name)}</header><main>
<h1>${esc(t.title)}</h1><p>${esc(t.intro)}</p>${notice}
<form method="post">${topics}
<div class="actions"><button class="primary" type="submit" name="action" value="save">${esc(t.save)}</button>
<button class="secondary" type="submit" name="action" value="everything">${esc(t.everything)}</button></div>
<p><small>${esc(t.everythingHint)}</small></p></form></main></body></html>`;
}
