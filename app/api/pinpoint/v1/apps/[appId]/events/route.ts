import { withSigV4 } from "@/app/_server/with-sigv4";
import { applyPinpointItems } from "@/lib/pinpoint/apply-pinpoint-items";
import { parsePinpoint } from "@/lib/pinpoint/parse-pinpoint";
import { ZEventsRequest } from "@/lib/pinpoint/pinpoint-schemas";

/** Pinpoint `PutEvents`: events of endpoints, with endpoint updates in the same call. */
export const POST = withSigV4<{ appId: string }>(async (_req, { workspace, json }) => {
  const { BatchItem } = parsePinpoint(ZEventsRequest, json);
  const entries = Object.entries(BatchItem);
  const results = await applyPinpointItems(
    workspace.id,
    entries.map(([endpointId, item]) => ({
      endpointId,
      endpoint: item.Endpoint,
      events: Object.entries(item.Events ?? {}),
    })),
  );
  const Results = Object.fromEntries(
    entries.map(([endpointId], i) => {
      const r = results[i]!;
      return [
        endpointId,
        {
          ...(r.endpoint ? { EndpointItemResponse: r.endpoint } : {}),
          EventsItemResponse: r.events,
        },
      ];
    }),
  );
  return Response.json({ Results }, { status: 202 });
});
