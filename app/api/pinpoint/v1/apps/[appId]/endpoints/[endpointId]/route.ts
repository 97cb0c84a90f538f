import { randomUUID } from "node:crypto";
import { withSigV4 } from "@/app/_server/with-sigv4";
import { ValidationError } from "@/lib/errors";
import { applyPinpointItems } from "@/lib/pinpoint/apply-pinpoint-items";
import { deleteEndpointsOrThrow, getEndpointOrThrow } from "@/lib/pinpoint/endpoint-reads";
import { parsePinpoint } from "@/lib/pinpoint/parse-pinpoint";
import { ZEndpointRequest } from "@/lib/pinpoint/pinpoint-schemas";

type TParams = { appId: string; endpointId: string };

/** Pinpoint `GetEndpoint`. */
export const GET = withSigV4<TParams>(async (_req, { workspace, applicationId, params }) =>
  Response.json(await getEndpointOrThrow(workspace.id, applicationId, params.endpointId)),
);

/** Pinpoint `UpdateEndpoint`: creates the endpoint or merges the update into it. */
export const PUT = withSigV4<TParams>(async (_req, { workspace, params, json }) => {
  const endpoint = parsePinpoint(ZEndpointRequest, json);
  const [result] = await applyPinpointItems(
    workspace.id,
    [{ endpointId: params.endpointId, endpoint }],
    new Date(),
    { allOrNothing: true },
  );
  if (result?.endpoint && result.endpoint.StatusCode !== 202)
    throw new ValidationError({ body: result.endpoint.Message });
  return Response.json({ Message: "Accepted", RequestID: randomUUID() }, { status: 202 });
});

/** Pinpoint `DeleteEndpoint`: answers with the endpoint as it was. */
export const DELETE = withSigV4<TParams>(async (_req, { workspace, applicationId, params }) => {
  const [gone] = await deleteEndpointsOrThrow(workspace.id, applicationId, {
    endpointId: params.endpointId,
  });
  return Response.json(gone, { status: 202 });
});
