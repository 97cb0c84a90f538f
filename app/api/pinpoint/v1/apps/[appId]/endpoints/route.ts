import { randomUUID } from "node:crypto";
import { withSigV4 } from "@/app/_server/with-sigv4";
import { ValidationError } from "@/lib/errors";
import { applyPinpointItems } from "@/lib/pinpoint/apply-pinpoint-items";
import { parsePinpoint } from "@/lib/pinpoint/parse-pinpoint";
import { ZEndpointBatchRequest } from "@/lib/pinpoint/pinpoint-schemas";

/** Pinpoint `UpdateEndpointsBatch`: up to 100 endpoints; one bad endpoint refuses the batch. */
export const PUT = withSigV4<{ appId: string }>(async (_req, { workspace, json }) => {
  const { Item } = parsePinpoint(ZEndpointBatchRequest, json);
  const items = Item.map(({ Id, ...endpoint }) => ({ endpointId: Id, endpoint }));
  const results = await applyPinpointItems(workspace.id, items, new Date(), { allOrNothing: true });
  const bad = results.findIndex((r) => r.endpoint && r.endpoint.StatusCode !== 202);
  if (bad >= 0) throw new ValidationError({ [`Item.${bad}`]: results[bad]!.endpoint!.Message });
  return Response.json({ Message: "Accepted", RequestID: randomUUID() }, { status: 202 });
});
