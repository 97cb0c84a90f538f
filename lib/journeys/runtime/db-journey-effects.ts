import { fromZonedTime, toZonedTime } from "date-fns-tz";
import { db } from "@/db";
import { findContactEventsSince } from "@/db/queries/contact-timeline";
import { findEntryStatusAnyWorkspace } from "@/db/queries/journeys";
import { countMessagesSentSince, findMessageByKey } from "@/db/queries/messages";
import { loadSendContact } from "@/db/queries/send-context";
import { findWorkspaceById } from "@/db/queries/workspaces";
import { editContactAttributes } from "@/lib/contacts/edit-contact-attributes";
import type { JourneyEffects } from "@/lib/journeys/interpret/journey-effects";
import { sendMessage } from "@/lib/messages/send/send-message";
import { isContactInSegment } from "@/lib/segments/contact-in-segment";
import { matchesFilters } from "@/lib/segments/evaluate-segment";
import { compileField, personalise, renderField } from "@/lib/templates/personalise";
import { buildRenderContext } from "@/lib/templates/render-context";
import { guardedFetch } from "@/lib/net/guarded-fetch";
import { isOutboundRefused, refusedReason } from "@/lib/net/outbound-refused";

const WEBHOOK_TIMEOUT_MS = 10_000;

/** Retryable by the executor: a thrown error fails the step, which Inngest retries with backoff. */
class RetryableEffectError extends Error {}

/**
 * The journey interpreter's effects over the real database, the send pipeline and HTTP. The
 * interpreter calls each inside a step, so a retried step calls it again: every write here is
 * idempotent (sends by `<entry>:<node>`), or harmless to repeat (setting an attribute).
 */
export function dbJourneyEffects(
  workspaceId: string,
  clock: () => Date = () => new Date(),
): JourneyEffects {
  return {
    now: clock,

    async loadContact(contactId) {
      const loaded = await loadSendContact(workspaceId, contactId);
      if (!loaded) return null;
      const c = loaded.contact;
      return {
        id: c.id,
        email: c.email,
        phone: c.phone,
        timezone: c.timezone,
        attributes: c.attributes,
      };
    },

    async sendMessage(req) {
      // A stopped journey's runs may still be draining: they send nothing more.
      if ((await findEntryStatusAnyWorkspace(req.runId)) === "cancelled")
        return { status: "skipped", reason: "journey stopped" };
      const outcome = await sendMessage({
        workspaceId,
        contactId: req.contactId,
        templateId: req.templateId,
        idempotencyKey: req.idempotencyKey,
        origin: {
          kind: "journey",
          journeyId: req.journeyId,
          version: req.version,
          nodeId: req.nodeId,
          runId: req.runId,
        },
        // The global frequency cap counts back from the journey's clock (the test clock in e2e).
        now: clock(),
      });
      if (outcome.retryable)
        throw new RetryableEffectError(`send failed, will retry: ${outcome.reason}`);
      const status =
        outcome.status === "skipped"
          ? "skipped"
          : outcome.status === "failed" || outcome.status === "bounced"
            ? "failed"
            : "sent";
      return {
        status,
        messageId: outcome.messageId,
        ...(outcome.reason ? { reason: outcome.reason } : {}),
      };
    },

    async updateContact(contactId, attribute, value) {
      await editContactAttributes({
        workspaceId,
        contactId,
        actor: null,
        source: "journey",
        set: value === null ? {} : { [attribute]: value },
        unset: value === null ? [attribute] : [],
      });
    },

    async callWebhook(req) {
      const [loaded, workspace] = await Promise.all([
        loadSendContact(workspaceId, req.contactId),
        findWorkspaceById(workspaceId),
      ]);
      const context = buildRenderContext({
        contact: loaded?.contact ?? {
          externalId: null,
          email: null,
          phone: null,
          timezone: null,
          locale: null,
          country: null,
          city: null,
          attributes: {},
        },
        workspace: { name: workspace?.name ?? "" },
      });
      const body = personalise(() => renderField(compileField("body", "json", req.body), context));
      if (!body.ok) return { status: 0 };
      let res: Response;
      try {
        res = await guardedFetch(req.url, {
          method: req.method,
          headers: {
            "content-type": "application/json",
            "idempotency-key": req.idempotencyKey,
            ...req.headers,
          },
          body: req.method === "GET" ? undefined : body.value,
          timeoutMs: WEBHOOK_TIMEOUT_MS,
          redirect: "manual",
        });
      } catch (err) {
        // The same answer next time: not retried, and the run page shows only this sentence.
        if (isOutboundRefused(err)) return { status: 0, error: refusedReason("Webhook") };
        const e = err as { name?: string; cause?: { code?: string } };
        const why = e.name === "TimeoutError" ? "timed out" : (e.cause?.code ?? "network error");
        throw new RetryableEffectError(`webhook ${req.url} unreachable: ${why}`);
      }
      await res.body?.cancel().catch(() => {});
      if (res.status >= 500 || res.status === 429 || res.status === 408)
        throw new RetryableEffectError(`webhook ${req.url} answered ${res.status}`);
      return { status: res.status };
    },

    isInSegment: (contactId, segmentId) =>
      isContactInSegment(workspaceId, contactId, segmentId, clock()),

    async didEvent(contactId, query) {
      const rows = await findContactEventsSince(workspaceId, contactId, query.event, query.since);
      const now = clock().getTime();
      return rows.some(
        (e) =>
          e.occurredAt.getTime() <= now &&
          matchesFilters(e.properties as Record<string, unknown>, query.filters, now),
      );
    },

    async engagement({ runId, nodeId }) {
      const m = await findMessageByKey(workspaceId, `${runId}:${nodeId}`, db());
      return {
        opened: Boolean(m?.openedAt),
        clicked: Boolean(m?.clickedAt),
        replied: Boolean(m?.repliedAt),
      };
    },

    async countMessagesToday(contactId, timeZone) {
      const local = toZonedTime(clock(), timeZone);
      const day = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
      return countMessagesSentSince(
        workspaceId,
        contactId,
        fromZonedTime(`${day}T00:00:00`, timeZone),
        db(),
      );
    },
  };
}
