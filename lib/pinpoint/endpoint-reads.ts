import { db } from "@/db";
import {
  deleteEndpoints,
  findEndpoints,
  findUserEndpoints,
  type TEndpointRow,
} from "@/db/queries/pinpoint";
import { deletePushTokens } from "@/db/queries/send-context";
import { NotFoundError } from "@/lib/errors";
import { channelOf, endpointResponse } from "./pinpoint-endpoint-mapping";
import type { TEndpointRequest } from "./pinpoint-schemas";

const respond = (applicationId: string, rows: TEndpointRow[]) =>
  rows.map((r) => endpointResponse(applicationId, r));

/** `GetEndpoint`: the endpoint as stored, in `EndpointResponse`'s shape; 404 when unknown. */
export async function getEndpointOrThrow(
  workspaceId: string,
  applicationId: string,
  endpointId: string,
) {
  const [row] = await findEndpoints(workspaceId, [endpointId]);
  if (!row) throw new NotFoundError(`Endpoint ${endpointId} not found`);
  return endpointResponse(applicationId, row);
}

/** `GetUserEndpoints`: every endpoint naming `userId`; 404 when there is none, as Pinpoint does. */
export async function getUserEndpointsOrThrow(
  workspaceId: string,
  applicationId: string,
  userId: string,
) {
  const rows = await findUserEndpoints(workspaceId, userId);
  if (!rows.length) throw new NotFoundError(`No endpoints for user ${userId}`);
  return { Item: respond(applicationId, rows) };
}

/**
 * `DeleteEndpoint` and `DeleteUserEndpoints`: the endpoints go, and with a push endpoint its
 * device token (the device is gone, so sends stop). The contact and its history stay: erasing a
 * person is `DELETE /api/v1/contacts/{userId}`, which also removes their endpoints.
 */
export async function deleteEndpointsOrThrow(
  workspaceId: string,
  applicationId: string,
  by: { endpointId: string } | { userId: string },
) {
  return db().transaction(async (tx) => {
    const rows = await deleteEndpoints(workspaceId, by, tx);
    if (!rows.length)
      throw new NotFoundError(
        "endpointId" in by
          ? `Endpoint ${by.endpointId} not found`
          : `No endpoints for user ${by.userId}`,
      );
    const tokens = rows.flatMap((r) => {
      const d = r.data as TEndpointRequest;
      return channelOf(d.ChannelType) === "push" && d.Address ? [d.Address] : [];
    });
    await deletePushTokens(workspaceId, tokens, tx);
    return respond(applicationId, rows);
  });
}
