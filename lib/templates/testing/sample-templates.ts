import { buildRenderContext, type TRenderContextInput } from "../render-context";
import { ZEmailContent, type TEmailContent } from "../template-content";

/** A realistic email version: every block kind, Liquid in text, attributes and URLs. */
export function sampleEmail(): TEmailContent {
  return ZEmailContent.parse({
    channel: "email",
    subject: 'Welcome to {{ workspace.name }}, {{ contact.firstName | default: "friend" }}',
    preheader: 'Your {{ contact.plan | default: "free" }} plan is ready',
    theme: {
      brandColor: "#7c3aed",
      backgroundColor: "#f5f5f4",
      fontFamily: "helvetica",
      contentWidth: 600,
    },
    blocks: [
      {
        id: "logo",
        type: "image",
        src: "https://cdn.acme.test/logo.png",
        alt: "Acme",
        width: 120,
        align: "left",
      },
      {
        id: "title",
        type: "heading",
        level: 1,
        text: 'Hi {{ contact.firstName | default: "there" }} 👋',
      },
      {
        id: "intro",
        type: "text",
        text: 'Thanks for joining **{{ workspace.name }}** on the *{{ contact.plan | default: "free" }}* plan.\nRead the [getting started guide](https://docs.acme.test/start?ref=email&plan={{ contact.plan | default: "free" }}).',
      },
      {
        id: "cta",
        type: "button",
        label: "Open your dashboard",
        url: "https://app.acme.test/w/{{ contact.userId }}?utm_source=email&utm_medium=welcome",
      },
      { id: "div", type: "divider" },
      {
        id: "cols",
        type: "columns",
        columns: [
          {
            blocks: [
              { id: "c1h", type: "heading", level: 3, text: "Segments" },
              { id: "c1t", type: "text", text: "Group contacts by what they do." },
            ],
          },
          {
            blocks: [
              { id: "c2h", type: "heading", level: 3, text: "Journeys" },
              {
                id: "c2t",
                type: "text",
                text: 'Reach them at the right time in {{ contact.city | default: "your city" }}.',
              },
            ],
          },
        ],
      },
      { id: "sp", type: "spacer", height: 16 },
      {
        id: "foot",
        type: "footer",
        text: "Acme Inc · 1 Market St, San Francisco",
        unsubscribeText: "Unsubscribe",
        viewInBrowserText: "View in browser",
      },
    ],
  });
}

export function sampleContext(overrides: Partial<TRenderContextInput> = {}) {
  return buildRenderContext({
    contact: {
      externalId: "u-42",
      email: "ana@example.com",
      phone: "+14155550100",
      timezone: "Europe/Lisbon",
      locale: "pt-PT",
      country: "PT",
      city: "Lisbon",
      attributes: { firstName: "Ana", plan: "pro" },
    },
    event: { name: "Signed Up", properties: { source: "ads" } },
    workspace: { name: "Acme" },
    message: { id: "m-1", unsubscribeUrl: "https://wm.test/u/m-1?sig=abc&x=1" },
    ...overrides,
  });
}
