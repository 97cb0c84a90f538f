import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as preferencesGet } from "@/app/u/p/[token]/route";
import { db } from "@/db";
import { contacts, messages } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import {
  createTemplate,
  publishTemplate,
  saveTemplateDraft,
} from "@/lib/templates/manage-templates";
import { compileTemplate } from "@/lib/templates/render-message";
import type { TEmailBlock, TTemplateContent } from "@/lib/templates/template-content";
import { trackingKey } from "../engagement/resolve-tracking-token";
import { trackingUrls } from "../engagement/tracking-tokens";
import { composeMessage, messageLinkOrigin } from "./compose-message";
import { sendTransactional } from "../transactional/send-transactional";
import { sendMessage } from "./send-message";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

const email = (blocks: TEmailBlock[]): TTemplateContent => ({
  channel: "email",
  subject: "Big sale",
  preheader: "",
  theme: {
    brandColor: "#2563eb",
    backgroundColor: "#f3f4f6",
    fontFamily: "system",
    contentWidth: 600,
  },
  blocks,
});
const HTML_ONLY = email([
  { id: "raw", type: "html", html: "<h1>Big sale</h1><p>Hi {{ contact.email }}, 20% off.</p>" },
]);
const WITH_FOOTER = email([
  { id: "raw", type: "html", html: "<p>Big sale</p>" },
  { id: "f", type: "footer", text: "Acme Inc.", unsubscribeText: "Unsubscribe" },
]);

const preferencesUrlOf = (messageId: string) =>
  trackingUrls(trackingKey(), messageLinkOrigin(), messageId).preferencesUrl;
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

type TEmailRow = { html: string; text: string };

describe("the preference link in every marketing email", () => {
  let ws: string;
  let userId: string;
  let contactId: string;
  const templates: Record<"htmlOnly" | "withFooter", string> = {} as never;

  beforeAll(async () => {
    const t = await makeTenant("PreferenceFooter");
    ws = t.workspace.id;
    userId = t.user.id;
    for (const [name, content] of [
      ["htmlOnly", HTML_ONLY],
      ["withFooter", WITH_FOOTER],
    ] as const) {
      const template = await createTemplate(ws, userId, { name, channel: "email" });
      await saveTemplateDraft(ws, template.id, { content });
      await publishTemplate(ws, template.id, userId);
      templates[name] = template.id;
    }
    const [c] = await db()
      .insert(contacts)
      .values({ workspaceId: ws, externalId: "pf-1", email: "lan@example.com", locale: "vi-VN" })
      .returning();
    contactId = c!.id;
  });

  const send = async (
    template: keyof typeof templates,
    key: string,
    origin: Parameters<typeof sendMessage>[0]["origin"],
  ) => {
    const outcome = await sendMessage({
      workspaceId: ws,
      contactId,
      templateId: templates[template],
      idempotencyKey: key,
      origin,
    });
    expect(outcome.status).toBe("delivered");
    const [row] = await db().select().from(messages).where(eq(messages.id, outcome.messageId));
    return { id: outcome.messageId, content: row!.content as unknown as TEmailRow };
  };

  it("a journey send of an HTML-block-only template carries the link, in the contact's language, in both parts", async () => {
    const { id, content } = await send("htmlOnly", "pf-journey", {
      kind: "journey",
      journeyId: "j",
      nodeId: "n",
    });
    const url = preferencesUrlOf(id);
    expect(count(content.html, `href="${url}"`)).toBe(1);
    expect(content.html).toContain("Quản lý tùy chọn nhận email hoặc hủy đăng ký");
    // Inside the document, after the author's content.
    expect(content.html.indexOf(url)).toBeGreaterThan(content.html.indexOf("20% off"));
    expect(content.html.indexOf(url)).toBeLessThan(content.html.lastIndexOf("</body>"));
    expect(content.text).toContain(url);

    // The link is the contact's working preference center.
    const token = url.slice(url.lastIndexOf("/") + 1);
    const page = await preferencesGet(new Request(url), { params: Promise.resolve({ token }) });
    expect(page.status).toBe(200);
  });

  it("a template whose footer block links it already gets no second footer", async () => {
    const { id, content } = await send("withFooter", "pf-footer", {
      kind: "journey",
      journeyId: "j",
      nodeId: "n2",
    });
    expect(count(content.html, preferencesUrlOf(id))).toBe(1);
    expect(content.html).not.toContain("data-waymark-footer");
  });

  it("a transactional send does not need it", async () => {
    const { content } = await send("htmlOnly", "pf-transactional", {
      kind: "api",
      transactional: true,
    });
    expect(content.html).not.toContain("/u/p/");
    expect(content.text).not.toContain("/u/p/");
  });

  it("a message sent through the transactional API (POST /api/v1/messages) gets none either", async () => {
    const result = await sendTransactional(ws, {
      channel: "email",
      template: { id: templates.htmlOnly },
      recipients: [{ userId: "pf-1" }],
    } as Parameters<typeof sendTransactional>[1]);
    expect(result.results.map((r) => r.status)).toEqual(["SUCCESSFUL"]);
    const [row] = await db()
      .select({ content: messages.content })
      .from(messages)
      .where(and(eq(messages.workspaceId, ws), eq(messages.transactional, true)));
    const content = row!.content as unknown as TEmailRow;
    expect(content.html).toContain("20% off");
    expect(content.html).not.toContain("/u/p/");
    expect(content.text).not.toContain("/u/p/");
  });

  it("a campaign batch's composition (no marketing flag) adds it too, in English for a contact without a language", async () => {
    const composed = composeMessage({
      messageId: "00000000-0000-4000-8000-000000000001",
      workspaceId: ws,
      compiled: await compileTemplate(HTML_ONLY),
      context: {
        contact: {
          externalId: "pf-2",
          email: "ana@example.com",
          phone: null,
          timezone: null,
          locale: null,
          country: null,
          city: null,
          attributes: {},
        },
        workspace: { name: "Acme" },
      },
      recipient: { address: "ana@example.com" },
      tracked: true,
    });
    expect(composed.ok).toBe(true);
    const content = (composed as { content: TEmailRow }).content;
    const url = preferencesUrlOf("00000000-0000-4000-8000-000000000001");
    expect(content.html).toContain(
      `<a href="${url}" style="color:#6b7280;text-decoration:underline">Manage your email preferences or unsubscribe</a>`,
    );
    expect(content.text).toContain(`Manage your email preferences or unsubscribe: ${url}`);
  });
});
