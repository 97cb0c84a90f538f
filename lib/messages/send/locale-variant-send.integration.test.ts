import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { contacts, messages } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { startSmtpSink, type TSmtpSink } from "@/lib/channels/testing/smtp-sink";
import {
  createTemplate,
  publishTemplate,
  saveTemplateDraft,
} from "@/lib/templates/manage-templates";
import type { TTemplateContent } from "@/lib/templates/template-content";
import { sendTransactional } from "../transactional/send-transactional";
import { saveChannelProvider } from "./configure-channel-provider";
import { sendMessage } from "./send-message";

let sink: TSmtpSink;
let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  await testDb.close();
});

const THEME = {
  brandColor: "#2563eb",
  backgroundColor: "#f3f4f6",
  fontFamily: "system" as const,
  contentWidth: 600,
};
const email = (subject: string, text: string) => ({
  channel: "email" as const,
  subject,
  preheader: "",
  theme: THEME,
  blocks: [{ id: "t", type: "text" as const, text, align: "left" as const }],
});
const ORDER: TTemplateContent = {
  ...email(
    'Your order, {{ contact.firstName | default: "friend" }}',
    'Total {{ contact.total | currency: "USD" }}, placed {{ contact.placedAt | date: "long" }}',
  ),
  variants: {
    vi: email(
      'Đơn hàng của bạn, {{ contact.firstName | default: "bạn" }}',
      'Tổng {{ contact.total | currency: "VND" }}, đặt ngày {{ contact.placedAt | date: "long" }}',
    ),
    "zh-CN": email(
      '{{ contact.firstName | default: "您" }}，您的订单',
      '合计 {{ contact.total | currency: "CNY" }}，下单于 {{ contact.placedAt | date: "long" }}',
    ),
  },
};

async function setup(name: string) {
  const tenant = await makeTenant(name);
  const ws = tenant.workspace.id;
  await saveChannelProvider(ws, tenant.user.id, "smtp", {
    host: "127.0.0.1",
    port: sink.port,
    secure: false,
    from: "hello@acme.test",
    fromName: "Acme",
  });
  const template = await createTemplate(ws, tenant.user.id, { name: "Order", channel: "email" });
  await saveTemplateDraft(ws, template.id, { content: ORDER });
  await publishTemplate(ws, template.id, tenant.user.id);
  const contact = async (key: string, locale: string | null, timezone: string | null) => {
    const [row] = await db()
      .insert(contacts)
      .values({
        workspaceId: ws,
        externalId: `${name}-${key}`,
        email: `${name}-${key}@example.com`.toLowerCase(),
        locale,
        timezone,
        // 23:30 UTC on 8 March: already 9 March in Hanoi and Shanghai.
        attributes: { firstName: key, total: 1250000, placedAt: "2026-03-08T23:30:00Z" },
      })
      .returning();
    return row!;
  };
  return { ws, template, contact };
}

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("locale variants through the real send path", () => {
  it("sendMessage: a vi contact gets Vietnamese, zh-CN Chinese, an unknown locale the default", async () => {
    const { ws, template, contact } = await setup("Locale");
    const vi = await contact("Lan", "vi-VN", "Asia/Ho_Chi_Minh");
    const zh = await contact("Wei", "zh-CN", "Asia/Shanghai");
    const de = await contact("Jonas", "de-DE", null);
    const none = await contact("Sam", null, null);
    for (const c of [vi, zh, de, none]) {
      const outcome = await sendMessage({
        workspaceId: ws,
        contactId: c.id,
        templateId: template.id,
        idempotencyKey: `run:${c.id}`,
        origin: { kind: "journey", journeyId: "j", nodeId: "n" },
      });
      expect(outcome.status).toBe("sent");
    }
    const mailTo = (c: { email: string | null }) => sink.waitFor((m) => m.to.includes(c.email!));

    const viMail = await mailTo(vi);
    expect(viMail.subject).toBe("Đơn hàng của bạn, Lan");
    expect(nbsp(viMail.text)).toContain("Tổng 1.250.000 ₫, đặt ngày 9 tháng 3, 2026");
    const zhMail = await mailTo(zh);
    expect(zhMail.subject).toBe("Wei，您的订单");
    expect(nbsp(zhMail.text)).toContain("合计 ¥1,250,000.00，下单于 2026年3月9日");
    // No German variant: the default content, formatted the German way in UTC (the workspace's zone).
    const deMail = await mailTo(de);
    expect(deMail.subject).toBe("Your order, Jonas");
    expect(nbsp(deMail.text)).toContain("Total 1.250.000,00 $, placed 8. März 2026");
    const noneMail = await mailTo(none);
    expect(nbsp(noneMail.text)).toContain("Total $1,250,000.00, placed March 8, 2026");

    const rows = await db()
      .select({ contactId: messages.contactId, templateLocale: messages.templateLocale })
      .from(messages)
      .where(eq(messages.workspaceId, ws));
    const localeOf = new Map(rows.map((r) => [r.contactId, r.templateLocale]));
    expect([vi, zh, de, none].map((c) => localeOf.get(c.id))).toEqual(["vi", "zh-CN", null, null]);
  });

  it("the transactional API picks the variant per recipient too", async () => {
    const { ws, template, contact } = await setup("Tx");
    const vi = await contact("Minh", "vi", "Asia/Ho_Chi_Minh");
    const en = await contact("Ann", "en-GB", "Europe/London");
    const result = await sendTransactional(ws, {
      channel: "email",
      template: { id: template.id },
      recipients: [{ userId: vi.externalId! }, { userId: en.externalId! }],
    } as Parameters<typeof sendTransactional>[1]);
    expect(result.results.map((r) => r.status)).toEqual(["SUCCESSFUL", "SUCCESSFUL"]);
    expect((await sink.waitFor((m) => m.to.includes(vi.email!))).subject).toBe(
      "Đơn hàng của bạn, Minh",
    );
    expect((await sink.waitFor((m) => m.to.includes(en.email!))).subject).toBe("Your order, Ann");
    const rows = await db()
      .select({ recipient: messages.recipient, templateLocale: messages.templateLocale })
      .from(messages)
      .where(eq(messages.workspaceId, ws));
    expect(Object.fromEntries(rows.map((r) => [r.recipient, r.templateLocale]))).toEqual({
      [vi.email!]: "vi",
      [en.email!]: null,
    });
  });
});
