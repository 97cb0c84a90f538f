/*
 * Waymark in-app messages for any web page. No dependencies.
 *
 *   <script src="https://YOUR-WAYMARK/waymark-inapp.js" data-token="wmc_…" async></script>
 *
 * or, once the user signs in: Waymark.inApp({ token: "wmc_…" }). Your server mints the token with
 * POST /api/v1/inapp/token (API key). The newest unseen message shows as a card; showing it marks
 * it seen, closing or pressing a button dismisses it.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var defaultBase = script && script.src ? new URL(script.src).origin : "";

  function el(tag, style, text) {
    var node = document.createElement(tag);
    if (style) node.setAttribute("style", style);
    if (text) node.textContent = text;
    return node;
  }

  function inApp(options) {
    var base = (options.baseUrl || defaultBase).replace(/\/$/, "");
    var headers = { authorization: "Bearer " + options.token };
    var post = function (id, action) {
      return fetch(base + "/api/v1/inapp/messages/" + encodeURIComponent(id) + "/" + action, {
        method: "POST",
        headers: headers,
      });
    };

    function show(message) {
      var card = el(
        "div",
        "position:fixed;right:20px;bottom:20px;z-index:2147483000;width:320px;max-width:calc(100vw - 40px);background:#fff;color:#111827;" +
          "border-radius:14px;box-shadow:0 12px 32px rgba(0,0,0,.18);font:14px/1.45 system-ui,sans-serif;overflow:hidden",
      );
      card.setAttribute("role", "dialog");
      card.setAttribute("aria-label", message.title || "Message");
      card.setAttribute("data-waymark-inapp", message.id);
      var close = el(
        "button",
        "position:absolute;top:8px;right:10px;border:0;background:transparent;font-size:20px;cursor:pointer;color:#6b7280",
        "×",
      );
      close.setAttribute("aria-label", "Close");
      card.appendChild(close);
      if (message.imageUrl) {
        var img = el("img", "display:block;width:100%;max-height:160px;object-fit:cover");
        img.src = message.imageUrl;
        img.alt = "";
        card.appendChild(img);
      }
      var inner = el("div", "padding:16px 18px");
      inner.appendChild(
        el("div", "font-weight:600;font-size:16px;margin:0 18px 4px 0", message.title),
      );
      inner.appendChild(el("div", "color:#374151", message.body));
      var row = el("div", "display:flex;gap:8px;margin-top:12px;flex-wrap:wrap");
      (message.buttons || []).forEach(function (b, i) {
        var btn = el(
          "button",
          "border-radius:8px;padding:8px 14px;cursor:pointer;font:inherit;" +
            (i === 0
              ? "background:#111827;color:#fff;border:0"
              : "background:#fff;color:#111827;border:1px solid #d1d5db"),
          b.label,
        );
        btn.addEventListener("click", function () {
          dismiss();
          if ((b.action === "url" || b.action === "deep_link") && safeTarget(b.action, b.value))
            window.location.href = b.value;
        });
        row.appendChild(btn);
      });
      if (row.childNodes.length) inner.appendChild(row);
      card.appendChild(inner);
      // The server checks links when a template is saved and after personalisation; the page checks
      // again, so a message from anywhere can never run script here.
      function safeTarget(action, value) {
        if (typeof value !== "string" || !value) return false;
        var cleaned = value.replace(/[\u0000-\u0020]/g, "");
        var scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
        if (!scheme) return action === "deep_link" && /^\/(?!\/)/.test(cleaned);
        var name = scheme[1].toLowerCase();
        if (action === "url")
          return name === "http" || name === "https" || name === "mailto" || name === "tel";
        return ["javascript", "vbscript", "data", "blob", "file", "about"].indexOf(name) < 0;
      }
      function dismiss() {
        card.remove();
        post(message.id, "dismissed");
      }
      close.addEventListener("click", dismiss);
      document.body.appendChild(card);
      post(message.id, "seen");
    }

    return fetch(base + "/api/v1/inapp/messages", { headers: headers })
      .then(function (r) {
        return r.ok ? r.json() : { messages: [] };
      })
      .then(function (inbox) {
        var next = inbox.messages.filter(function (m) {
          return !m.seenAt;
        })[0];
        if (next) show(next);
        return inbox;
      });
  }

  window.Waymark = window.Waymark || {};
  window.Waymark.inApp = inApp;
  var token = script && script.getAttribute("data-token");
  if (token) {
    var start = function () {
      inApp({ token: token, baseUrl: script.getAttribute("data-base-url") || undefined });
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }
})();
