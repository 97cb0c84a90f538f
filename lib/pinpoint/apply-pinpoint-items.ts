import { isDeepStrictEqual } from "node:util";
import { findEndpointData, upsertEndpoints } from "@/db/queries/pinpoint";
import { ingest } from "@/lib/ingest/ingest";
import type { TOperation } from "@/lib/ingest/normalize";
import { endpointOperation, eventOperation, mergeEndpoint } from "./pinpoint-endpoint-mapping";
import type { TEndpointRequest, TEvent } from "./pinpoint-schemas";

export type TPinpointItem = {
  endpointId: string;
  endpoint?: TEndpointRequest;
  events?: [eventId: string, event: TEvent][];
};

export type TItemStatus = { StatusCode: number; Message: string };
export type TItemResult = {
  endpoint?: TItemStatus;
  events: Record<string, TItemStatus>;
};

const ACCEPTED: TItemStatus = { StatusCode: 202, Message: "Accepted" };

/**
 * Applies endpoint updates and events, Pinpoint style: each endpoint and event is answered on its
 * own (202, or 400 with the reason), and everything accepted is stored in one ingestion batch, the
 * endpoint rows in the same transaction. An endpoint sent unchanged (apps send theirs with every
 * PutEvents) touches neither the contact nor the timeline.
 */
export async function applyPinpointItems(
  workspaceId: string,
  items: TPinpointItem[],
  now = new Date(),
  /** UpdateEndpoint(sBatch): one refused endpoint refuses the call, and nothing is written. */
  {
    allOrNothing = false,
    adjust,
  }: {
    allOrNothing?: boolean;
    /** The importer's additions to an endpoint's contact change (lib/pinpoint/import). */
    adjust?: (op: TOperation, endpoint: TEndpointRequest) => void;
  } = {},
): Promise<TItemResult[]> {
  const stored = (await findEndpointData(
    workspaceId,
    items.filter((i) => i.endpoint).map((i) => i.endpointId),
  )) as Map<string, TEndpointRequest>;
  const ops: TOperation[] = [];
  const endpointOfOp: ({ endpointId: string; data: TEndpointRequest } | null)[] = [];
  const results: TItemResult[] = items.map((item) => {
    const result: TItemResult = { events: {} };
    const before = stored.get(item.endpointId);
    const merged = item.endpoint ? mergeEndpoint(before, item.endpoint) : before;
    if (item.endpoint && merged) {
      const op = endpointOperation(item.endpointId, merged, now);
      if (!op.ok) result.endpoint = { StatusCode: 400, Message: `${op.field}: ${op.message}` };
      else {
        result.endpoint = ACCEPTED;
        adjust?.(op.value, merged);
        if (!isDeepStrictEqual(before, merged)) {
          ops.push(op.value);
          endpointOfOp.push({ endpointId: item.endpointId, data: merged });
          stored.set(item.endpointId, merged);
        }
      }
    }
    // The endpoint's id was linked to its user's contact when the stored record naming that user
    // was written, so events of the same user resolve by the user id alone: one lookup fewer per
    // call, for the common case of an app re-sending its endpoint (docs/benchmarks.md).
    const linkedUser = before?.User?.UserId;
    for (const [eventId, event] of item.events ?? []) {
      const op = eventOperation(item.endpointId, eventId, event, merged, now);
      if (!op.ok) {
        result.events[eventId] = { StatusCode: 400, Message: `${op.field}: ${op.message}` };
        continue;
      }
      result.events[eventId] = ACCEPTED;
      if (linkedUser && op.value.userId === linkedUser) delete op.value.anonymousId;
      ops.push(op.value);
      endpointOfOp.push(null);
    }
    return result;
  });

  if (allOrNothing && results.some((r) => r.endpoint && r.endpoint.StatusCode !== 202))
    return results;
  await ingest(workspaceId, ops, {
    withContacts: (contactIds, tx) =>
      upsertEndpoints(
        workspaceId,
        endpointOfOp.flatMap((e, i) =>
          e
            ? [
                {
                  endpointId: e.endpointId,
                  contactId: contactIds[i]!,
                  userId: e.data.User?.UserId ?? null,
                  data: e.data,
                },
              ]
            : [],
        ),
        now,
        tx,
      ),
  });
  return results;
}
