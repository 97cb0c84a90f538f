import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { sliceStarts } from "@/db/queries/campaign-runs";
import { contacts } from "@/db/schema";
import { useTestDb } from "@/db/testing/test-db";
import { startSmtpSink, type TSmtpSink } from "@/lib/channels/testing/smtp-sink";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { drainSlice } from "@/lib/campaigns/delivery/drain-slice";
import { snapshotRun } from "@/lib/campaigns/delivery/snapshot-run";
import { emailContent, makeCampaignTenant } from "@/lib/campaigns/testing/campaign-fixtures";
import { publishTemplate, saveTemplateDraft } from "@/lib/templates/manage-templates";
import type { TTemplateContent } from "@/lib/templates/template-content";
import { testSendTemplate } from "@/lib/templates/test-send-template";
import { sendTransactional } from "../transactional/send-transactional";
import { saveChannelProvider } from "./configure-channel-provider";
import { sendMessage } from "./send-message";

/**
 * An email template's plain-text version reaches a real SMTP server as the message's text/plain
 * part on every send path (journey, transactional API, test send, campaign), personalised per
 * contact, with the HTML still made from the blocks.
 */

let sink: TSmtpSink;
let testDb: Awaited<ReturnType<typeof useTestDb>>;
let t: Awaited<ReturnType<typeof makeCampaignTenant>>;
let templateId: string;

const PLAIN = 'Hello {{ contact.firstName | default: "you" }},\nyour plan: {{ contact.plan }}.';
const CONTENT: TTemplateContent = {
  ...(emailContent("Hi {{ contact.firstName }}") as Extract<
    TTemplateContent,
    { channel: "email" }
  >),
  plainText: PLAIN,
};

beforeAll(async () => {
  testDb = await useTestDb();
  sink = await startSmtpSink();
  // Ten contacts c1…c10@example.com (some opted out or bounced: see campaign-fixtures.ts).
  t = await makeCampaignTenant("PlainText", 10);
  await saveChannelProvider(t.ws, t.userId, "smtp", {
    host: "127.0.0.1",
    port: sink.port,
    secure: false,
    from: "hello@acme.test",
    fromName: "Acme",
  });
  // Version 2 of the first template carries the plain-text version.
  templateId = t.templates[0]!.id;
  await saveTemplateDraft(t.ws, templateId, { content: CONTENT });
  await publishTemplate(t.ws, templateId, t.userId);
});
afterAll(async () => {
  await sink.close();
  await testDb.close();
});

const mailTo = (address: string) => sink.waitFor((m) => m.to.includes(address));
/** The mail's text/plain part, before the preference-center link marketing mail gets. */
const ownText = (text: string) => text.split("\n\n")[0]!.trim();

async function contact(key: string, attributes: Record<string, unknown>) {
  const [row] = await db()
    .insert(contacts)
    .values({ workspaceId: t.ws, externalId: key, email: `${key}@plain.test`, attributes })
    .returning();
  return row!;
}

describe("an email's plain-text version at the SMTP server", () => {
  it("journey send: the text part is the template's, personalised; the HTML is the blocks'", async () => {
    const c = await contact("ann", { firstName: "Ann", plan: "pro" });
    const outcome = await sendMessage({
      workspaceId: t.ws,
      contactId: c.id,
      templateId,
      idempotencyKey: `run:${c.id}`,
      origin: { kind: "journey", journeyId: "j", nodeId: "n" },
    });
    expect(outcome.status).toBe("sent");
    const mail = await mailTo(c.email!);
    expect(mail.subject).toBe("Hi Ann");
    expect(ownText(mail.text)).toBe("Hello Ann,\nyour plan: pro.");
    // Marketing mail still links the preference center in the text part.
    expect(mail.text).toMatch(/\/p\//);
    expect(mail.html).toMatch(/<h1[^>]*>Hi Ann<\/h1>/);
    expect(mail.html).not.toContain("your plan");
  });

  it("transactional API: the template's text part; a body override derives it from that body", async () => {
    const bo = await contact("bo", { firstName: "Bo", plan: "free" });
    const cy = await contact("cy", { firstName: "Cy", plan: "free" });
    const result = await sendTransactional(t.ws, {
      channel: "email",
      template: { id: templateId },
      recipients: [
        { userId: bo.externalId! },
        { userId: cy.externalId!, overrides: { body: "Your receipt, {{ contact.firstName }}" } },
      ],
    } as Parameters<typeof sendTransactional>[1]);
    expect(result.results.map((r) => r.status)).toEqual(["SUCCESSFUL", "SUCCESSFUL"]);
    expect((await mailTo(bo.email!)).text.trim()).toBe("Hello Bo,\nyour plan: free.");
    expect((await mailTo(cy.email!)).text.trim()).toBe("Your receipt, Cy");
  });

  it("test send: the editor's draft text part, for the sample contact", async () => {
    const dee = await contact("dee", { firstName: "Dee", plan: "team" });
    const outcome = await testSendTemplate(
      t.ws,
      templateId,
      { id: t.userId, email: "author@plain.test" },
      {
        content: { ...CONTENT, plainText: "Draft for {{ contact.firstName }}" },
        sampleContactId: dee.id,
        platform: "android",
      },
    );
    expect(outcome.status).toBe("sent");
    expect(ownText((await mailTo("author@plain.test")).text)).toBe("Draft for Dee");
  });

  it("campaign: every recipient's text part is the template's, personalised", async () => {
    const campaign = await createCampaign(t.ws, t.userId, {
      name: "Plain text",
      audience: { kind: "segment", segmentId: t.segment.id },
      channel: "email",
      treatments: [{ label: "A", templateId, templateVersion: 2, percent: 100 }],
      holdoutPercent: 0,
      schedule: { kind: "now" },
    });
    const run = (await launchCampaign(t.ws, campaign.id, t.userId))!;
    await snapshotRun(run.id);
    const [from] = await sliceStarts(run.id, 250);
    for (let i = 0; i < 10; i++)
      if ((await drainSlice({ runId: run.id, from: from!, to: null })).kind !== "sent") break;
    // c3 is on the pro plan with an email, not opted out nor bounced (campaign-fixtures.ts).
    const mail = await mailTo("c3@example.com");
    expect(ownText(mail.text)).toBe("Hello C3,\nyour plan: pro.");
    expect(mail.html).toMatch(/<h1[^>]*>Hi C3<\/h1>/);
  });
});
