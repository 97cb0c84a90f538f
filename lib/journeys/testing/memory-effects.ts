import { compare } from "@/lib/segments/evaluate-segment";
import type {
  JourneyEffects,
  TJourneyContact,
  TSendRequest,
  TSendResult,
  TWebhookRequest,
} from "../interpret/journey-effects";
import { localDayOf } from "../interpret/local-time";

export type TRecordedMessage = TSendRequest & { at: string };
export type TMemoryWorld = {
  contacts: Map<string, TJourneyContact>;
  /** segmentId → member contact ids. */
  segments: Map<string, Set<string>>;
  /** Every contact event, past and scripted future; reads only see those at or before "now". */
  events: { contactId: string; name: string; properties: Record<string, unknown>; at: Date }[];
  /** `${runId}:${nodeId}` → engagement with that send. */
  engagement: Map<string, { opened: boolean; clicked: boolean; replied: boolean }>;
  /** Messages sent before the run (other journeys), for the frequency cap. */
  earlierMessages: { contactId: string; at: Date }[];
};

export const emptyWorld = (): TMemoryWorld => ({
  contacts: new Map(),
  segments: new Map(),
  events: [],
  engagement: new Map(),
  earlierMessages: [],
});

/**
 * JourneyEffects over an in-memory world on the fake port's clock. Sending records the message
 * (never delivers), honouring idempotency keys like the real pipeline.
 */
export function createMemoryEffects(world: TMemoryWorld, clock: () => Date) {
  const messages: TRecordedMessage[] = [];
  const webhooks: (TWebhookRequest & { at: string })[] = [];
  const updates: { contactId: string; attribute: string; value: unknown; at: string }[] = [];
  const visible = (at: Date) => at.getTime() <= clock().getTime();
  const effects: JourneyEffects = {
    now: () => clock(),
    async loadContact(id) {
      const c = world.contacts.get(id);
      return c ? structuredClone(c) : null;
    },
    async sendMessage(req): Promise<TSendResult> {
      if (messages.some((m) => m.idempotencyKey === req.idempotencyKey))
        return { status: "skipped", reason: "duplicate" };
      messages.push({ ...req, at: clock().toISOString() });
      return { status: "sent", messageId: `msg-${messages.length}` };
    },
    async updateContact(contactId, attribute, value) {
      const c = world.contacts.get(contactId);
      if (c) {
        if (value === null) delete c.attributes[attribute];
        else c.attributes[attribute] = value;
      }
      updates.push({ contactId, attribute, value, at: clock().toISOString() });
    },
    async callWebhook(req) {
      webhooks.push({ ...req, at: clock().toISOString() });
      return { status: 200 };
    },
    async isInSegment(contactId, segmentId) {
      return world.segments.get(segmentId)?.has(contactId) ?? false;
    },
    async didEvent(contactId, q) {
      const now = clock().getTime();
      return world.events.some(
        (e) =>
          e.contactId === contactId &&
          e.name === q.event &&
          e.at.getTime() >= q.since.getTime() &&
          visible(e.at) &&
          q.filters.every((f) => compare(e.properties[f.property], f, now)),
      );
    },
    async engagement(q) {
      return (
        world.engagement.get(`${q.runId}:${q.nodeId}`) ?? {
          opened: false,
          clicked: false,
          replied: false,
        }
      );
    },
    async countMessagesToday(contactId, timeZone) {
      const today = localDayOf(clock(), timeZone);
      const times = [
        ...world.earlierMessages.filter((m) => m.contactId === contactId).map((m) => m.at),
        ...messages.filter((m) => m.contactId === contactId).map((m) => new Date(m.at)),
      ];
      return times.filter((t) => visible(t) && localDayOf(t, timeZone) === today).length;
    },
  };
  return { effects, messages, webhooks, updates };
}

/** The world's events as a durable wait sees them (named as tracked). */
export const scriptFromWorld = (world: TMemoryWorld) =>
  world.events.map((e) => ({
    at: e.at,
    name: e.name,
    data: { contactId: e.contactId, properties: e.properties },
  }));
