import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { messages } from "@/db/schema";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { applyFeedback } from "./apply-feedback";
import type { TFeedback } from "./feedback-types";
import {
  COMPLAINT_RATE_LINE,
  senderHealth,
  senderRateSeries,
  sendersOverComplaintLine,
} from "./sender-health";

let testDb: Awaited<ReturnType<typeof useTestDb>>;
beforeAll(async () => {
  testDb = await useTestDb();
});
afterAll(() => testDb.close());

const DAY = 86_400_000;

/** `n` email messages sent through `provider` at `sentAt`; returns their ids. */
async function sent(
  ws: string,
  provider: string,
  n: number,
  sentAt: Date,
  opts: { isTest?: boolean } = {},
) {
  const rows = Array.from({ length: n }, () => ({
    workspaceId: ws,
    idempotencyKey: `health:${randomUUID()}`,
    channel: "email" as const,
    origin: { kind: opts.isTest ? "test" : "campaign" },
    isTest: opts.isTest ?? false,
    status: "sent" as const,
    provider,
    recipient: `r-${randomUUID().slice(0, 8)}@example.com`,
    sentAt,
  }));
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500)
    ids.push(
      ...(
        await db()
          .insert(messages)
          .values(rows.slice(i, i + 500))
          .returning({ id: messages.id })
      ).map((r) => r.id),
    );
  return ids;
}

/** Feedback about `messageId`, through the same path a provider's webhook takes. */
const about = (
  messageId: string,
  type: TFeedback["type"],
  source: TFeedback["source"],
  at = new Date(),
): TFeedback => ({
  source,
  eventId: randomUUID(),
  type,
  channel: "email",
  address: `${messageId.slice(0, 8)}@example.com`,
  messageId,
  occurredAt: at,
});

describe("sender health and the complaint banner", () => {
  const now = new Date();
  let ws: string;
  let ses: string[];
  let smtp: string[];

  beforeAll(async () => {
    ws = (await makeTenant("SenderHealth")).workspace.id;
    ses = await sent(ws, "ses", 1000, new Date(now.getTime() - 2 * DAY));
    smtp = await sent(ws, "smtp", 1000, new Date(now.getTime() - 2 * DAY));
    // Neither of these is a send in the last 30 days: they must not dilute the rate.
    const old = await sent(ws, "ses", 1000, new Date(now.getTime() - 40 * DAY));
    await sent(ws, "ses", 500, new Date(now.getTime() - DAY), { isTest: true });
    // Three complaints in 1,000 sends: exactly the 0.3 % line. Feedback counts under the
    // provider of the message it names, whatever webhook brought it.
    await applyFeedback(ws, [
      about(ses[0]!, "complaint", "ses"),
      about(ses[1]!, "complaint", "ses"),
      about(ses[2]!, "complaint", "sendgrid"),
      about(ses[3]!, "hard_bounce", "ses"),
      about(ses[4]!, "soft_bounce", "ses"),
      about(ses[5]!, "delayed", "ses"),
      about(old[0]!, "complaint", "ses", new Date(now.getTime() - 40 * DAY)),
      about(smtp[0]!, "complaint", "smtp_dsn"),
      about(smtp[1]!, "complaint", "postmark"),
    ]);
    // Another workspace's complaints are its own.
    const other = (await makeTenant("SenderHealthOther")).workspace.id;
    const theirs = await sent(other, "ses", 10, now);
    await applyFeedback(
      other,
      theirs.map((id) => about(id, "complaint", "ses")),
    );
  }, 120_000);

  it("counts the last 30 days' real sends, bounces and complaints per provider", async () => {
    const rows = await senderHealth(ws, 30, now);
    expect(rows).toEqual([
      {
        provider: "ses",
        sent: 1000,
        bounces: 2,
        complaints: 3,
        bounceRate: 0.002,
        complaintRate: 0.003,
        overComplaintLine: true,
      },
      {
        provider: "smtp",
        sent: 1000,
        bounces: 0,
        complaints: 2,
        bounceRate: 0,
        complaintRate: 0.002,
        overComplaintLine: false,
      },
    ]);
    expect(COMPLAINT_RATE_LINE).toBe(0.003);
  });

  it("warns about a provider at or above 0.3 % only, and about the next one once it reaches it", async () => {
    expect((await sendersOverComplaintLine(ws, now)).map((s) => s.provider)).toEqual(["ses"]);
    await applyFeedback(ws, [about(smtp[2]!, "complaint", "smtp_dsn")]);
    expect((await sendersOverComplaintLine(ws, now)).map((s) => s.provider)).toEqual([
      "ses",
      "smtp",
    ]);
    // A month on, with nothing sent or reported since, there is nothing to warn about.
    expect(await sendersOverComplaintLine(ws, new Date(now.getTime() + 31 * DAY))).toEqual([]);
  });

  it("names every provider with sends or feedback in the dashboard's daily series", async () => {
    const series = await senderRateSeries(ws, 30, now);
    expect(series.providers).toEqual(["ses", "smtp"]);
    // The complaints arrived today about mail sent two days ago: that day's rate, not today's.
    const sendDay = new Date(now.getTime() - 2 * DAY).toISOString().slice(0, 10);
    expect(series.points.find((p) => p.day === sendDay)).toMatchObject({
      "ses:complaints": 0.3,
      "ses:bounces": 0.2,
      "smtp:complaints": 0.3,
    });
    // Nothing was sent today, so today has no rate (a gap), not 100 %.
    const today = now.toISOString().slice(0, 10);
    const point = series.points.find((p) => p.day === today);
    expect(point?.["ses:complaints"]).toBeUndefined();
  });

  it("warns about no provider whose complaints name no mail sent in the window", async () => {
    const quiet = (await makeTenant("SenderHealthQuiet")).workspace.id;
    const [old] = await sent(quiet, "ses", 1, new Date(now.getTime() - 40 * DAY));
    await applyFeedback(quiet, [about(old!, "complaint", "ses")]);
    expect(await senderHealth(quiet, 30, now)).toMatchObject([
      { provider: "ses", sent: 0, complaints: 1, complaintRate: 0, overComplaintLine: false },
    ]);
    expect(await sendersOverComplaintLine(quiet, now)).toEqual([]);
  });
});
