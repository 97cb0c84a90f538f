import { withSigV4 } from "@/app/_server/with-sigv4";
import { deleteEndpointsOrThrow, getUserEndpointsOrThrow } from "@/lib/pinpoint/endpoint-reads";

type TParams = { appId: string; userId: string };

/** Pinpoint `GetUserEndpoints`. */
export const GET = withSigV4<TParams>(async (_req, { workspace, applicationId, params }) =>
  Response.json(await getUserEndpointsOrThrow(workspace.id, applicationId, params.userId)),
);

/** Pinpoint `DeleteUserEndpoints`: answers with the endpoints as they were. */
export const DELETE = withSigV4<TParams>(async (_req, { workspace, applicationId, params }) =>
  Response.json(
    { Item: await deleteEndpointsOrThrow(workspace.id, applicationId, { userId: params.userId }) },
    { status: 202 },
  ),
);
