import { listEventImports } from "@/db/queries/pinpoint-event-imports";
import { createEventImport } from "@/lib/pinpoint/events/create-event-import";
import { runNextEventImport } from "@/lib/pinpoint/events/run-next-event-import";
import { seededRandom } from "@/lib/random/seeded-random";

const DAY = 86_400_000;
const FILE_NAME = "demo-pinpoint-event-stream.ndjson";
/** The demo's Pinpoint newsletter went out weekly until the switch, which overlapped Waymark's first weeks. */
const SENT_DAYS_AGO = [45, 38, 31, 24, 17];
const CONTACTS = 60;

type TRecord = { type: string; at: number; userId: string; messageId: string };

function line({ type, at, userId, messageId }: TRecord) {
  const endpointId = `ep-${userId}-email`;
  const sms = type.startsWith("_SMS");
  return JSON.stringify({
    event_type: type,
    event_timestamp: at,
    arrival_timestamp: at + 1000,
    event_version: "3.1",
    application: { app_id: "demo-pinpoint-app", sdk: {} },
    client: { client_id: sms ? `ep-${userId}-sms` : endpointId },
    attributes: sms ? { message_id: messageId } : { campaign_id: "demo-newsletter" },
    client_context: {
      custom: {
        endpoint: JSON.stringify({
          Id: sms ? `ep-${userId}-sms` : endpointId,
          ChannelType: sms ? "SMS" : "EMAIL",
          User: { UserId: userId },
        }),
      },
    },
    event_id: `${messageId}:${type}`,
  });
}

/**
 * What a team brings from Pinpoint, as a Firehose event-stream file: five weekly newsletters to
 * the demo's shoppers (sent, delivered, opened, clicked, a few bounces) and a reminder SMS to a
 * third of them. Seeded, so every fresh demo has the same history.
 */
export function demoPinpointEventLines(now: Date): string[] {
  const r = seededRandom(31);
  const records: TRecord[] = [];
  for (const daysAgo of SENT_DAYS_AGO) {
    const sentAt = now.getTime() - daysAgo * DAY;
    for (let i = 1; i <= CONTACTS; i++) {
      const userId = `demo-user-${String(i).padStart(3, "0")}`;
      const messageId = `demo-pp-${daysAgo}-${i}`;
      const at = (minutes: number) => sentAt + Math.floor(minutes * 60_000);
      records.push({ type: "_email.send", at: at(0), userId, messageId });
      if (r() < 0.03) {
        records.push({ type: "_email.hardbounce", at: at(1), userId, messageId });
        continue;
      }
      records.push({ type: "_email.delivered", at: at(1), userId, messageId });
      if (r() < 0.45) {
        records.push({ type: "_email.open", at: at(30 + r() * 1440), userId, messageId });
        if (r() < 0.3)
          records.push({ type: "_email.click", at: at(1500 + r() * 600), userId, messageId });
      }
      if (i % 3 === 0 && daysAgo % 2 === 1) {
        const sms = `${messageId}-sms`;
        records.push({ type: "_SMS.BUFFERED", at: at(120), userId, messageId: sms });
        records.push({ type: "_SMS.SUCCESS", at: at(121), userId, messageId: sms });
      }
    }
  }
  return records.sort((a, b) => a.at - b.at).map(line);
}

/**
 * The demo's imported Pinpoint history, through the same import an admin runs (stored as a file,
 * then run to its end here, not by the background job), so the overview dashboard's "Imported
 * from Pinpoint" card and Settings → Import from Pinpoint show it on first start. Once: skipped
 * when the workspace has any event-history import.
 */
export async function seedDemoPinpointHistory(workspaceId: string, now = new Date()) {
  if ((await listEventImports(workspaceId, 1)).length) return;
  const bytes = new TextEncoder().encode(`${demoPinpointEventLines(now).join("\n")}\n`);
  const imp = await createEventImport(workspaceId, null, { name: FILE_NAME, bytes });
  for (;;) {
    const step = await runNextEventImport({ onlyId: imp.id });
    if (!step || step.outcome === "completed" || step.outcome === "failed") return;
  }
}
