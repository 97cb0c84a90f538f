import { PinpointClient } from "@aws-sdk/client-pinpoint";
import { serveRoutes } from "@/app/api/v1/testing/serve-routes";
import { POST as putEvents } from "../v1/apps/[appId]/events/route";
import { PUT as updateBatch } from "../v1/apps/[appId]/endpoints/route";
import * as endpoint from "../v1/apps/[appId]/endpoints/[endpointId]/route";
import * as user from "../v1/apps/[appId]/users/[userId]/route";

const APP = "/api/pinpoint/v1/apps/(?<appId>[^/]+)";

/** The Pinpoint-compatible routes over real HTTP, as the AWS SDK reaches a Waymark server. */
export function servePinpoint() {
  return serveRoutes([
    { path: new RegExp(`^${APP}/events$`), handlers: { POST: putEvents } },
    { path: new RegExp(`^${APP}/endpoints$`), handlers: { PUT: updateBatch } },
    {
      path: new RegExp(`^${APP}/endpoints/(?<endpointId>[^/]+)$`),
      handlers: { GET: endpoint.GET, PUT: endpoint.PUT, DELETE: endpoint.DELETE },
    },
    {
      path: new RegExp(`^${APP}/users/(?<userId>[^/]+)$`),
      handlers: { GET: user.GET, DELETE: user.DELETE },
    },
  ]);
}

/** The unchanged AWS SDK client, pointed at Waymark: only `endpoint` and the credentials differ. */
export function pinpointClient(
  base: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  opts: { maxAttempts?: number } = {},
) {
  return new PinpointClient({
    endpoint: `${base}/api/pinpoint`,
    region: "us-east-1",
    credentials,
    maxAttempts: opts.maxAttempts ?? 1,
  });
}
